using GidSandbox.GraphQL;
using GraphQL.Types;

namespace GidSandbox.Terms;

public sealed class TermsVersionGraphType : ObjectGraphType<TermsVersion>
{
    public TermsVersionGraphType()
    {
        Name = "TermsOfUse";
        Description = "One version of the Terms of Use, as published.";
        Field(x => x.Version);
        Field(x => x.Sha256).Description("SHA-256 of the text (UTF-8), lowercase hex; give it when accepting.");
        Field(x => x.Text).Description("The Terms in Markdown.");
        Field(x => x.EffectiveDate, type: typeof(NonNullGraphType<LocalDateGraphType>)).Description("The day it takes effect (Europe/Zurich).");
        Field(x => x.GracePeriodDays).Description("Days after the effective date during which offices on the previous version keep access.");
    }
}

public sealed class OfficeStandingGraphType : ObjectGraphType<OfficeStanding>
{
    public OfficeStandingGraphType()
    {
        Name = "OfficeStanding";
        Field(x => x.Office);
        Field(x => x.AcceptedVersion, nullable: true).Description("The last version of the Terms the office accepted.");
        Field(x => x.Suspended);
        Field(x => x.SuspensionReason, nullable: true);
    }
}
