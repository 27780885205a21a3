using GidSandbox.GraphQL;
using GraphQL;
using GraphQL.Types;
using Marten;

namespace GidSandbox.Identities.Lookup;

public static class GetIdentity
{
    public const int MaxBatch = 1000;
    private const int MaxMergeHops = 20;

    public static void Map(ObjectGraphType query)
    {
        query.Field<IdentityGraphType>("identity")
            .Description("The identity with this GID, or null. A merged GID returns its own record with mergedInto, unless followMerges is true.")
            .Argument<NonNullGraphType<GidGraphType>>("gid")
            .Argument<NonNullGraphType<BooleanGraphType>>("followMerges", "Return the surviving identity instead of a merged one.", a => a.DefaultValue = false)
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.Store().QuerySession();
                var identity = await session.LoadAsync<Identity>(ctx.GetArgument<Gid>("gid").Value, ctx.CancellationToken);
                for (var hop = 0; ctx.GetArgument<bool>("followMerges") && identity?.MergedInto is { } next && hop < MaxMergeHops; hop++)
                {
                    identity = await session.LoadAsync<Identity>(next, ctx.CancellationToken);
                }

                return identity;
            });

        query.Field<NonNullGraphType<ListGraphType<IdentityGraphType>>>("identities")
            .Description($"Up to {MaxBatch} identities in one call, in the order asked; null where a GID is unknown.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<GidGraphType>>>>("gids")
            .ResolveAsync(async ctx =>
            {
                var gids = ctx.GetArgument<List<Gid>>("gids");
                if (gids.Count > MaxBatch)
                {
                    throw Refusal.Invalid("gids", $"At most {MaxBatch} GIDs can be looked up at once; got {gids.Count}. Split the list.");
                }

                await using var session = ctx.Store().QuerySession();
                var found = await session.LoadManyAsync<Identity>(ctx.CancellationToken, gids.Select(g => g.Value).Distinct().ToArray());
                var byId = found.ToDictionary(i => i.Id);
                return gids.Select(g => byId.GetValueOrDefault(g.Value)).ToList();
            });
    }
}
