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
            .ResolveAsync(async ctx => await ctx.ReadAsync(async store =>
            {
                await using var session = store.QuerySession();
                var identity = await LoadAsync(session, ctx.GetArgument<Gid>("gid").Value, ctx.CancellationToken);
                for (var hop = 0; ctx.GetArgument<bool>("followMerges") && identity?.MergedInto is { } next && hop < MaxMergeHops; hop++)
                {
                    identity = await LoadAsync(session, next, ctx.CancellationToken);
                }

                return identity;
            }));

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

                return await ctx.ReadAsync(store => LoadManyAsync(store, gids, ctx.CancellationToken));
            });
    }

    private static async Task<List<Identity?>> LoadManyAsync(IDocumentStore store, List<Gid> gids, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var asked = gids.Select(g => g.Value).Distinct().ToArray();
        var byId = (await session.LoadManyAsync<Identity>(ct, asked)).ToDictionary(i => i.Id);
        if (byId.Count < asked.Length)
        {
            var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
            var missing = asked.Where(g => !byId.ContainsKey(g)).ToArray();
            foreach (var gid in await session.QueryAsync<string>($"select id from {schema}.mt_streams where id = any(?)", ct, [missing]))
            {
                if (await session.Events.AggregateStreamAsync<Identity>(gid, token: ct) is { } rebuilt)
                {
                    byId[gid] = rebuilt;
                }
            }
        }

        return gids.Select(g => byId.GetValueOrDefault(g.Value)).ToList();
    }

    /// <summary>
    /// The identity's document, or else the identity rebuilt from its events: a bulk mock-data load killed between a
    /// batch's events and its documents leaves streams without documents until it is resumed (mock-data/README.md).
    /// </summary>
    private static async Task<Identity?> LoadAsync(IQuerySession session, string gid, CancellationToken ct) =>
        await session.LoadAsync<Identity>(gid, ct) ?? await session.Events.AggregateStreamAsync<Identity>(gid, token: ct);
}
