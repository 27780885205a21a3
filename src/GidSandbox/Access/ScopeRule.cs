using GidSandbox.GraphQL;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GidSandbox.Access;

/// <summary>
/// The access check of every root field, before its resolver runs (so nothing is read or stored
/// on a refusal): the scope the field needs (<c>FORBIDDEN</c>), then the Terms of Use
/// (<c>OFFICE_SUSPENDED</c>, <c>TERMS_NOT_ACCEPTED</c>, or a grace-period warning). Wrapping the
/// root resolvers means aliases and fragments cannot get around it and nested fields pay nothing.
/// </summary>
public static class ScopeRule
{
    public const string RequiredScope = "requiredScope";
    public const string TermsExempt = "termsExempt";

    /// <summary>A second scope that also admits a caller to the field.</summary>
    public const string AlternativeScope = "alternativeScope";

    /// <summary>Marks a field that any authenticated caller may use.</summary>
    public const string AnyCaller = "";

    /// <summary>Queries need gid:read and mutations gid:write unless a field says otherwise.</summary>
    public static void Apply(IObjectGraphType query, IObjectGraphType mutation)
    {
        foreach (var (root, scope, isWrite) in new[] { (query, Scopes.Read, false), (mutation, Scopes.Write, true) })
        {
            foreach (var field in root.Fields)
            {
                var required = field.GetMetadata<string?>(RequiredScope) ?? scope;
                field.Metadata[RequiredScope] = required;
                if (field.Resolver is { } inner)
                {
                    field.Resolver = new CheckedResolver(field.Name, required, field.GetMetadata<string?>(AlternativeScope), field.GetMetadata(TermsExempt, false), isWrite, inner);
                }
            }
        }
    }

    /// <summary>
    /// Whether a caller that <paramref name="holds"/> the scopes it holds may use the root <paramref name="field"/>: the
    /// check every root field makes, which the console also asks to offer a user only the pages they can use.
    /// </summary>
    public static bool Admits(IFieldType field, Func<string, bool> holds) =>
        Admits(field.GetMetadata<string?>(RequiredScope) ?? Scopes.Read, field.GetMetadata<string?>(AlternativeScope), holds);

    private static bool Admits(string scope, string? alternative, Func<string, bool> holds) =>
        scope.Length == 0 || holds(scope) || (alternative is not null && holds(alternative));

    private sealed class CheckedResolver(string field, string scope, string? alternative, bool termsExempt, bool isWrite, IFieldResolver inner) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            try
            {
                return await CheckThenResolveAsync(context);
            }
            catch (Refusal refusal) when (isWrite)
            {
                await RefusedWrites.RecordAsync(context, field, refusal);
                throw;
            }
        }

        private async Task<object?> CheckThenResolveAsync(IResolveFieldContext context)
        {
            var user = (GidUserContext)context.UserContext;
            if (!Admits(scope, alternative, user.Caller.Has))
            {
                throw new Refusal(ErrorCodes.Forbidden,
                    $"{field} needs the {scope} scope, which this client's token does not carry. Ask for it in the token request if your client was granted it.");
            }

            using var connection = await context.ConnectionSlotAsync();
            var terms = user.Terms ??= await DecideAsync(context, user);
            // Governance administers the Terms and suspensions, so it is never locked out by them.
            if (!termsExempt && user.Caller.Role != ParticipantRole.Governance && terms.Refusal is { } refusal)
            {
                throw refusal;
            }

            return await inner.ResolveAsync(context);
        }

        private static async Task<TermsDecision> DecideAsync(IResolveFieldContext context, GidUserContext user)
        {
            var services = context.RequestServices!;
            var standings = services.GetRequiredService<Standings>();
            var today = TermsOfUseBook.Today(services.GetRequiredService<IClock>().GetCurrentInstant());
            var decision = TermsDecision.Decide(
                await standings.OfficeAsync(user.Caller.Actor.Office, context.CancellationToken),
                await standings.TermsAsync(context.CancellationToken),
                today);
            if (decision.Warning is { } warning)
            {
                user.Warnings.Add(warning);
            }

            return decision;
        }
    }
}
