using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;

namespace GidSandbox.Rights;

public sealed class RecordConsentInput : IdentityWriteInput
{
    public bool Given { get; set; }
}

/// <summary>
/// The person records, or withdraws, their consent to be identified by the GID on one of their own records
/// (docs/rights.md). Only the person, signed in as an applicant, does: neither an office nor governance speaks for them.
/// </summary>
public sealed record RecordConsent(Gid Gid, long? ExpectedVersion, bool Given) : IIdentityCommand
{
    public IReadOnlyList<(Gid Gid, long? ExpectedVersion)> Targets => [(Gid, ExpectedVersion)];

    public Decision Decide(Facts facts, Writer by)
    {
        var identity = facts.Get(Gid);
        if (identity.Status is IdentityStatus.Merged or IdentityStatus.Erased)
        {
            identity.EnsureActive();
        }

        if (identity.Consent?.Given == Given)
        {
            throw Refusal.Conflict($"Your consent on {Gid} already reads {(Given ? "given" : "withdrawn")} since {identity.Consent.At:uuuu-MM-dd}.");
        }

        return Decision.On(Gid, [new ConsentRecorded(Given, by.At)]);
    }

    public static void Map(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<IdentityPayloadGraphType>>("recordConsent")
            .Description("Applicants only (applicant:self): records your consent to be identified by the GID of one of your own records (given: true), or withdraws it (given: false). Offices see it on the identity.")
            .Argument<NonNullGraphType<RecordConsentInputGraphType>>("input")
            .Configure(field =>
            {
                field.Metadata[ScopeRule.RequiredScope] = Scopes.Applicant;
                field.Metadata[ScopeRule.TermsExempt] = true; // the Terms of Use bind participants, not the people in the registry
            })
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<RecordConsentInput>("input");
                var request = ctx.WriteRequest(input.IdempotencyKey, input.Reason);
                return await Writes.RunAsync(ctx.Store(), request, ctx.Writer(), "recordConsent", input, new RecordConsent(input.Gid, input.ExpectedVersion, input.Given), ctx.CancellationToken);
            });
}

public sealed class RecordConsentInputGraphType : InputObjectGraphType<RecordConsentInput>
{
    public RecordConsentInputGraphType()
    {
        Name = "RecordConsentInput";
        this.AddWriteFields();
        Field(x => x.Given).Description("True to give your consent, false to withdraw it.");
    }
}

public sealed class ConsentGraphType : ObjectGraphType<Consent>
{
    public ConsentGraphType()
    {
        Name = "Consent";
        Description = "The person's own consent to be identified by the GID.";
        Field(x => x.Given).Description("True: given; false: withdrawn.");
        Field(x => x.At, type: typeof(NonNullGraphType<InstantGraphType>)).Description("When the person recorded it.");
    }
}
