using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GraphQL;
using GraphQL.Types;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GidSandbox.Terms;

/// <summary>Reading the Terms in force and accepting them: open to every authenticated caller.</summary>
public static class AcceptTermsOfUse
{
    public static TermsOfUseAccepted Decide(TermsOfUseBook terms, LocalDate today, string version, string sha256)
    {
        var published = terms.Find(version)
            ?? throw Refusal.Invalid("version", $"There is no version '{InputRules.Shorten(version)}' of the Terms of Use; the one in force is {terms.InForce(today)?.Version}.");
        if (!string.Equals(published.Sha256, sha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw Refusal.Invalid("sha256", $"The SHA-256 given does not match the text of version {version}; read it again with termsOfUse and send its sha256.");
        }

        if (terms.InForce(today) is { } current && published.EffectiveDate < current.EffectiveDate)
        {
            throw Refusal.Invalid("version", $"Version {version} has been replaced by version {current.Version}; accept that one.");
        }

        return new TermsOfUseAccepted(published.Version, published.Sha256);
    }

    public static void MapQuery(ObjectGraphType query) =>
        query.Field<TermsVersionGraphType>("termsOfUse")
            .Description("The version of the Terms of Use in force today, with its text and SHA-256.")
            .Configure(Open)
            .ResolveAsync(async ctx =>
            {
                var terms = await ctx.RequestServices!.GetRequiredService<Standings>().TermsAsync(ctx.CancellationToken);
                return terms.InForce(Today(ctx));
            });

    public static void MapMutation(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<OfficeStandingGraphType>>("acceptTermsOfUse")
            .Description("Accepts a version of the Terms for the caller's office, by its version and the SHA-256 of its text.")
            .Argument<NonNullGraphType<StringGraphType>>("version")
            .Argument<NonNullGraphType<StringGraphType>>("sha256")
            .Configure(Open)
            .ResolveAsync(async ctx =>
            {
                var services = ctx.RequestServices!;
                var standings = services.GetRequiredService<Standings>();
                var accepted = Decide(await standings.TermsAsync(ctx.CancellationToken), Today(ctx), ctx.GetArgument<string>("version"), ctx.GetArgument<string>("sha256"));
                var request = ctx.WriteRequest(null, null) with { TermsVersion = accepted.Version };
                var streamId = OfficeStanding.StreamId(request.Actor.Office);
                await Writes.InTransactionAsync(ctx.Store(), request, (session, _) => Task.FromResult(session.Events.Append(streamId, accepted)), ctx.CancellationToken);

                standings.Forget(streamId);
                return await standings.OfficeAsync(request.Actor.Office, ctx.CancellationToken);
            });

    internal static LocalDate Today(IResolveFieldContext ctx) =>
        TermsOfUseBook.Today(ctx.RequestServices!.GetRequiredService<IClock>().GetCurrentInstant());

    private static void Open(FieldType field)
    {
        field.Metadata[ScopeRule.RequiredScope] = ScopeRule.AnyCaller;
        field.Metadata[ScopeRule.TermsExempt] = true;
    }
}
