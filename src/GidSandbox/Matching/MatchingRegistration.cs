using GidSandbox.Matching.Searching;
using GidSandbox.Matching.DuplicateReport;
using GidSandbox.Matching.BatchMatching;
using GraphQL.Types;
using GidSandbox.Identities.Linking;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace GidSandbox.Matching;

public static partial class MatchingRegistration
{
    /// <summary>The match profiles, their exact-key and pg_trgm GIN indexes and the columns candidates are filtered on.</summary>
    public static void ConfigureMatching(this StoreOptions options)
    {
        // Created with the schema, so any database the registry is pointed at gets the trigram operators.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        options.Projections.Add<MatchProfileProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<MatchProfile>()
            .Duplicate(x => x.SearchText, configure: index =>
            {
                Gin(index);
                index.Mask = "? gin_trgm_ops";
            })
            .Duplicate(x => x.ExactKeys, pgType: "text[]", configure: Gin)
            .Duplicate(x => x.Words, pgType: "text[]", configure: Gin)
            .Duplicate(x => x.Kind)
            .Duplicate(x => x.Country)
            .Duplicate(x => x.Status)
            .Duplicate(x => x.RulesVersion);
        // Searching by an identifier's value alone ("520000123"), whoever issued it.
        options.Schema.For<ExternalIdentifierClaim>().Index(x => x.Identifier.Value);
    }

    /// <summary>
    /// A GIN index whose new entries wait in a pending list of at most 64 kB (PostgreSQL's default: 4 MB) before they are
    /// merged in: every lookup reads the whole list, and after a load of 2,000 identities, until autovacuum came a minute
    /// later, a batch of 772 records ran into the statement timeout (with 64 kB: 7.0 s, then 4.9 s; vacuumed: 3.5 s).
    /// </summary>
    private static void Gin(Weasel.Postgresql.Tables.IndexDefinition index)
    {
        index.Method = IndexMethod.gin;
        index.StorageParameters["gin_pending_list_limit"] = 64;
    }

    /// <summary>
    /// Recomputes every match profile when any was standardized under older rules (a database kept from
    /// an earlier version), so search and batch matching never compare keys made by different rules.
    /// The same rebuild as <c>projections --rebuild</c>, done at start only when it is needed.
    /// </summary>
    public static async Task RefreshStaleMatchProfilesAsync(this IDocumentStore store, ILogger logger, CancellationToken ct = default)
    {
        await using (var session = store.QuerySession())
        {
            if (!await session.Query<MatchProfile>().AnyAsync(p => p.RulesVersion < NameStandardization.RulesVersion, ct))
            {
                return;
            }
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<MatchProfileProjection>(ct);
        LogRebuilt(logger, NameStandardization.RulesVersion, clock.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Match profiles were standardized under older rules; rebuilt under rules version {RulesVersion} in {Seconds:F1} s")]
    private static partial void LogRebuilt(ILogger logger, int rulesVersion, double seconds);

    public static void MapQueries(ObjectGraphType query)
    {
        SearchIdentities.Map(query);
        MatchIdentities.Map(query);
        DuplicateCandidates.Map(query);
    }
}
