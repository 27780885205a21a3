using GidSandbox.GraphQL;
using GidSandbox.Terms;
using GraphQL.Types;

namespace GidSandbox.Access;

public static class WhoAmI
{
    public static void Map(ObjectGraphType query) =>
        query.Field<NonNullGraphType<CallerGraphType>>("me")
            .Description("Who this token speaks for: office, client, role and scopes.")
            .Configure(field =>
            {
                field.Metadata[ScopeRule.RequiredScope] = ScopeRule.AnyCaller;
                field.Metadata[ScopeRule.TermsExempt] = true;
            })
            .Resolve(ctx => ((GidUserContext)ctx.UserContext).Caller);
}

public sealed class CallerGraphType : ObjectGraphType<Caller>
{
    public CallerGraphType()
    {
        Name = "Caller";
        Field<NonNullGraphType<StringGraphType>>("office").Description("WIPO ST.3 code of the office, or the association's short name.").Resolve(ctx => ctx.Source.Actor.Office);
        Field<NonNullGraphType<StringGraphType>>("clientId").Resolve(ctx => ctx.Source.Actor.ClientId);
        Field(x => x.Name, nullable: true).Description("The signed-in person's user name, or the client's display name.");
        Field(x => x.Role, type: typeof(NonNullGraphType<EnumerationGraphType<ParticipantRole>>));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes").Resolve(ctx => ctx.Source.Scopes.Order(StringComparer.Ordinal).ToList());
        Field<NonNullGraphType<EnumerationGraphType<TermsStatus>>>("termsStatus")
            .Description("Whether the office has accepted the Terms of Use in force (governance is never blocked by them).")
            .Resolve(ctx => ((GidUserContext)ctx.UserContext).Terms!.Status);
        Field<StringGraphType>("termsVersion").Description("The version of the Terms in force for this office, recorded on its writes.")
            .Resolve(ctx => ((GidUserContext)ctx.UserContext).Terms!.VersionInForce);
        Field<NonNullGraphType<OfficeStandingGraphType>>("standing")
            .ResolveAsync(async ctx => await ctx.RequestServices!.GetRequiredService<Standings>().OfficeAsync(ctx.Source.Actor.Office, ctx.CancellationToken));
    }
}
