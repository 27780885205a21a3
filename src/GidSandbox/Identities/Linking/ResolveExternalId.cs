using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Identities.Linking;

public static class ResolveExternalId
{
    public static void Map(ObjectGraphType query) =>
        query.Field<IdentityGraphType>("resolveExternalId")
            .Description("The identity an office's local identifier is linked to, or null when none is.")
            .Argument<NonNullGraphType<StringGraphType>>("scheme", "The identifier scheme, e.g. applicant-number.")
            .Argument<NonNullGraphType<StringGraphType>>("value")
            .Argument<NonNullGraphType<StringGraphType>>("issuer", "The WIPO ST.3 code of the issuing office.")
            .ResolveAsync(async ctx =>
            {
                var problems = new Problems();
                var identifier = InputRules.ParseExternalIdentifier(problems, "", new ExternalIdentifierInput
                {
                    Scheme = ctx.GetArgument<string>("scheme"),
                    Value = ctx.GetArgument<string>("value"),
                    Issuer = ctx.GetArgument<string>("issuer"),
                });
                problems.ThrowIfAny();
                await using var session = ctx.Store().QuerySession();
                var claim = await session.LoadAsync<ExternalIdentifierClaim>(identifier.Key, ctx.CancellationToken);
                return claim is null ? null : await session.LoadAsync<Identity>(claim.Gid, ctx.CancellationToken);
            });
}
