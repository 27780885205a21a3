using System.Collections;
using GidSandbox.Access;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;

namespace GidSandbox.GraphQL;

/// <summary>
/// What a request costs, in points, computed from the document and its variables before anything
/// runs (docs/limits.md): every field that reads the registry costs its weight, each alias
/// separately; a list costs by the items it may return (its <c>first</c>/<c>last</c> or its batch's
/// length); introspection costs by the part of the schema it returns. The cost bounds the request
/// and is charged against the office's quota.
/// </summary>
public static class Cost
{
    /// <summary>Deepest nesting accepted: at most this many fields on the longest path from the root (<c>{ identity { names { text } } }</c> is 3), so 15 passes and 16 is refused.</summary>
    public const int MaxDepth = 15;

    /// <summary>The most one request may cost, whatever the office's quota.</summary>
    public const int MaxPerRequest = 1_000;

    /// <summary>Items of a list, or types and fields of the schema, that one point pays for.</summary>
    public const int ItemsPerPoint = 100;
    public const int SchemaElementsPerPoint = 10;

    /// <summary>Root fields dearer than a lookup, per <see cref="ItemsPerPoint"/> items (or per item where marked).</summary>
    private static readonly Dictionary<string, (int Weight, bool PerItem)> Root = new(StringComparer.Ordinal)
    {
        ["searchIdentities"] = (2, false),
        ["matchIdentities"] = (10, false),
        ["duplicateCandidates"] = (10, false),
        ["duplicateCandidatesReport"] = (10, true), // one self-join per country
        ["verifyAuditTrail"] = (50, false),
        ["usageReport"] = (5, false),
        ["registrationsReport"] = (5, false),
        ["termsAcceptanceReport"] = (2, false),
    };

    /// <summary>Fields below the root that read the registry for each parent (batched per request, but paid per parent).</summary>
    private static readonly Dictionary<string, int> Nested = new(StringComparer.Ordinal)
    {
        ["Identity.subsidiaries"] = 1,
    };

    private static readonly string[] BatchArguments = ["gids", "records", "countries"];

    public static void Configure(ComplexityOptions options)
    {
        options.MaxDepth = MaxDepth;
        options.MaxComplexity = MaxPerRequest;
        options.DefaultComplexityImpactDelegate = Impact;
        options.ValidateComplexityDelegate = ChargeAsync;
    }

    public static FieldComplexityResult Impact(FieldImpactContext field)
    {
        var schema = field.ValidationContext.Schema;
        var name = field.FieldDefinition.Name;
        switch (name)
        {
            case "__typename":
                return new(0, 1);
            case "__schema":
                // Children read the same in-memory schema: the whole answer is paid for here.
                return new(Points(schema.AllTypes.Count, SchemaElementsPerPoint), 0);
            case "__type":
                var type = schema.AllTypes[field.GetArgument<string>("name") ?? ""];
                var elements = type switch
                {
                    IComplexGraphType complex => complex.Fields.Count,
                    EnumerationGraphType enumeration => enumeration.Values.Count,
                    _ => 0,
                };
                return new(Points(1 + elements, SchemaElementsPerPoint), 0);
        }

        if (field.ParentType.Name.StartsWith("__", StringComparison.Ordinal))
        {
            return new(0, 1);
        }

        var items = Items(field);
        if (field.Parent is null)
        {
            var (weight, perItem) = Root.GetValueOrDefault(name, (1, false));
            return new(perItem ? weight * items : weight * Points(items, ItemsPerPoint), items);
        }

        return new(Nested.GetValueOrDefault($"{field.ParentType.Name}.{name}"), items);
    }

    /// <summary>How many items a list field may return, from its arguments (literals or variables); 1 for other fields.</summary>
    private static int Items(FieldImpactContext field)
    {
        var arguments = field.Arguments;
        if (arguments is null)
        {
            return 1;
        }

        foreach (var size in new[] { "first", "last" })
        {
            if (arguments.TryGetValue(size, out var value) && value.Value is int n)
            {
                return Math.Max(1, n);
            }
        }

        foreach (var batch in BatchArguments)
        {
            if (arguments.TryGetValue(batch, out var value) && value.Value is ICollection items)
            {
                return Math.Max(1, items.Count);
            }
        }

        return 1;
    }

    private static int Points(int items, int perPoint) => Math.Max(1, (items + perPoint - 1) / perPoint);

    /// <summary>
    /// After the cost is known and within <see cref="MaxPerRequest"/>, before anything runs: spends it
    /// from the office's quota, or refuses the request (HTTP 429, or QUERY_TOO_COMPLEX when it
    /// costs more than the office may ever spend at once).
    /// </summary>
    private static Task ChargeAsync(ComplexityValidationContext context)
    {
        if (context.ValidationContext.UserContext is not GidUserContext user)
        {
            return Task.CompletedTask;
        }

        var points = (int)Math.Min(int.MaxValue, Math.Ceiling(context.TotalImpact));
        var quotas = context.ValidationContext.RequestServices!.GetRequiredService<OfficeQuotas>();
        var office = user.Caller.Actor.Office;
        if (context.Error is null && quotas.Options.ChargeCost && points > quotas.Capacity(office))
        {
            // Refused by the office's own limit, whatever it has spent: nothing to charge.
            context.Error = new ComplexityError(
                $"This request costs {points} points; your office's quota holds at most {quotas.Capacity(office)} at once.");
            user.Cost = new QuotaCharge(0, quotas.Remaining(office), null);
            return Task.CompletedTask;
        }

        if (context.Error is not null)
        {
            // Refused before it runs: it spends what refusing it cost, one point.
            user.Cost = quotas.Charge(office, 1);
            return Task.CompletedTask;
        }

        user.Cost = quotas.Charge(office, quotas.Options.ChargeCost ? Math.Max(1, points) : 1);
        if (!user.Cost.Granted)
        {
            context.Error = new OverQuotaError(user.Cost);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The office's quota cannot pay for this request now: HTTP 429 with Retry-After.</summary>
public sealed class OverQuotaError(QuotaCharge charge) : ValidationError(
    $"Your office is over its quota: this request costs {charge.Requested} points and {charge.Remaining} remain; retry after {charge.RetryAfterSeconds} s, or ask for less at once (docs/limits.md).")
{
    public QuotaCharge Charge { get; } = charge;
}
