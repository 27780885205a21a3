using System.Text.Json;
using System.Text.Json.Serialization;
using GidSandbox.Identities;
using GidSandbox.Identities.Linking;
using GidSandbox.Identities.Registering;
using GidSandbox.Matching;
using Marten;

namespace GidSandbox.Benchmarks.Matching;

public sealed record EvaluationName(string Text, string Script);

public sealed record EvaluationIdentity(string Label, IdentityKind Kind, string Country, IReadOnlyList<EvaluationName> Names, IReadOnlyList<ExternalIdentifier> Identifiers);

public sealed record EvaluationQuery(string Id, string Category, IdentityKind Kind, string? Country, IReadOnlyList<string> Names, string? Expected);

/// <summary>The labelled set in mock-data/matching-evaluation (identities.jsonl, queries.jsonl), loaded into a sandbox database.</summary>
public sealed record EvaluationSet(IReadOnlyList<EvaluationIdentity> Identities, IReadOnlyList<EvaluationQuery> Queries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>A relative folder is looked for from the working directory up, so the command runs from the repository or the project.</summary>
    public static string Locate(string folder)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null && !Path.IsPathRooted(folder); directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, folder)))
            {
                return Path.Combine(directory.FullName, folder);
            }
        }

        return folder;
    }

    public static EvaluationSet Read(string folder) => new(
        [.. File.ReadLines(Path.Combine(folder, "identities.jsonl")).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<EvaluationIdentity>(l, Json)!)],
        [.. File.ReadLines(Path.Combine(folder, "queries.jsonl")).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<EvaluationQuery>(l, Json)!)]);

    /// <summary>
    /// Registers every identity through the registration decisions (not the duplicate check: the
    /// set holds look-alikes on purpose) and gives back the GID of each label.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        var gids = new Dictionary<string, string>();
        foreach (var chunk in Identities.Chunk(200))
        {
            await using var session = store.LightweightSession();
            Writes.Stamp(session, new WriteRequest(new Actor("IB", "matching-evaluation", null), Guid.NewGuid().ToString(), null, "Matching evaluation set"));
            foreach (var identity in chunk)
            {
                var gid = Gid.NewGid();
                var names = identity.Names.Select((n, i) => new Name(i + 1, n.Text, n.Script, null, identity.Kind == IdentityKind.LegalEntity ? NameType.Legal : NameType.Primary, i == 0)).ToList();
                // Each identity is registered by the office that issued its identifiers, as the ownership rules require.
                var office = identity.Identifiers.Count > 0 ? identity.Identifiers[0].Issuer : "IB";
                IIdentityCommand command = identity.Kind == IdentityKind.LegalEntity
                    ? new RegisterLegalEntity(gid, names, identity.Country, null, null, null, null, null, null, null, office, identity.Identifiers)
                    : new RegisterNaturalPerson(gid, names, identity.Country, null, null, null, null, office, identity.Identifiers);
                var decision = IdentityDecider.Decide(command, new Facts(new Dictionary<string, Identity>(), new Dictionary<string, string>()), new Writer(office, Governance: false, NodaTime.SystemClock.Instance.GetCurrentInstant()));
                session.Events.StartStream<Identity>(gid.Value, decision.EventsOf(gid));
                foreach (var change in decision.ClaimChanges())
                {
                    ExternalIdentifierClaim.Apply(session, change);
                }

                gids[identity.Label] = gid.Value;
            }

            await session.SaveChangesAsync(ct);
        }

        return gids;
    }
}
