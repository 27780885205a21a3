using System.Text.Json.Nodes;
using GidSandbox.Audit;
using GidSandbox.Audit.Chain;
using GidSandbox.Challenges;
using GidSandbox.Identities.Linking;
using GidSandbox.Matching;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace GidSandbox.Identities.Erasing;

/// <summary>
/// Carries out a recorded erasure in one transaction: masks in place every event holding the person's data (their
/// identities' and challenges' events field by field, any other event's mention of them string by string), records
/// what each masked row holds since (<see cref="ErasureExecuted"/>, chained like any event), and drops the
/// documents that still name them. Masking an event twice changes nothing, so a retry completes a cut-short run.
/// </summary>
public static class ErasureExecution
{
    public static Task<Identity> RunAsync(IDocumentStore store, WriteRequest request, string decisionReference, IReadOnlyList<Gid> gids, CancellationToken ct) =>
        Writes.InTransactionAsync(store, request, async (session, ct) =>
        {
            await session.BeginTransactionAsync(ct);
            var connection = (NpgsqlConnection)session.Connection!;
            var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
            var ids = gids.Select(g => g.Value).ToArray();
            await using (var setting = new NpgsqlCommand("select set_config($1, $2, true)", connection))
            {
                setting.Parameters.Add(new NpgsqlParameter { Value = EventsTableGuard.ErasureSetting });
                setting.Parameters.Add(new NpgsqlParameter { Value = decisionReference });
                await setting.ExecuteNonQueryAsync(ct);
            }

            var challenges = await session.Query<Challenge>().Where(c => c.Gid.IsOneOf(ids)).ToListAsync(ct);
            var own = new List<IEvent>();
            foreach (var stream in ids.Concat(challenges.Select(c => c.Id)))
            {
                own.AddRange(await session.Events.FetchStreamAsync(stream, token: ct));
            }

            var strings = ErasureMasks.StringsOf([], own.Select(e => e.Data));
            var serializer = store.Options.Serializer();
            var masked = new List<long>();
            foreach (var e in own)
            {
                var data = JsonNode.Parse(serializer.ToJson(ErasureMasks.MaskOwn(e.Data)))!;
                ErasureMasks.Scrub(data, strings);
                if (await MaskAsync(connection, events, e.Sequence, data.ToJsonString(), headers: null, ct))
                {
                    masked.Add(e.Sequence);
                }
            }

            foreach (var (sequence, type, data, headers) in await MentioningAsync(connection, events, [.. ids, .. challenges.Select(c => c.Id)], ids, strings, ct))
            {
                var scrubbedData = FreeText.Contains(type) ? ErasureMasks.Scrub(data, strings) : ErasureMasks.MaskCandidates(data, ids);
                var scrubbedHeaders = ErasureMasks.Scrub(headers, strings);
                if ((scrubbedData || scrubbedHeaders) && await MaskAsync(connection, events, sequence, data!.ToJsonString(), headers?.ToJsonString(), ct))
                {
                    masked.Add(sequence);
                }
            }

            var rows = new List<MaskedEvent>();
            await using (var read = new NpgsqlCommand(AuditChain.RowsSql(events, "seq_id = any($1)"), connection))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = masked.ToArray() });
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var row = AuditChain.ReadRow(reader);
                    rows.Add(new MaskedEvent(row.Sequence, row.EventId, row.DataHash, row.ContentHash));
                }
            }

            if (rows.Count > 0)
            {
                session.Events.Append(ids[0], new ErasureExecuted(decisionReference, rows));
            }

            foreach (var challenge in challenges)
            {
                session.Store(challenge with { Reason = ErasureMasks.Erased, Resolution = challenge.Resolution is null ? null : ErasureMasks.Erased });
            }

            session.DeleteWhere<ExternalIdentifierClaim>(c => c.Gid.IsOneOf(ids));
            session.DeleteWhere<IdempotencyRecord>(r => r.Gid.IsOneOf(ids));
            foreach (var id in ids)
            {
                session.Delete<MatchProfile>(id);
            }

            var identity = await session.LoadAsync<Identity>(ids[0], ct) ?? throw new InvalidOperationException($"{ids[0]} vanished during its erasure.");
            return identity with { Version = identity.Version + (rows.Count > 0 ? 1 : 0) };
        }, ct);

    /// <summary>
    /// Rewrites one event's data (and the reason among its headers, or the given headers); the events table's guard
    /// lets it through only for the decision this transaction names. False when the row already reads so.
    /// </summary>
    private static async Task<bool> MaskAsync(NpgsqlConnection connection, string events, long sequence, string data, string? headers, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            with masked as (
              select seq_id, $2::jsonb as data,
                     coalesce($3::jsonb, case when headers ? 'reason' then jsonb_set(headers, array['reason'], to_jsonb($4::text)) else headers end) as headers
              from {events} where seq_id = $1)
            update {events} e set data = m.data, headers = m.headers from masked m
            where e.seq_id = m.seq_id and (e.data is distinct from m.data or e.headers is distinct from m.headers)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = data });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)headers ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = ErasureMasks.Erased });
        return await command.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>
    /// The free-text events of others in which the person's strings are replaced (a refusal's message, a challenge's
    /// reason); in any other event of someone else, a same string is that someone's own data and stays.
    /// </summary>
    private static readonly string[] FreeText = ["write_refused", "challenge_raised", "challenge_resolved"];

    /// <summary>
    /// Events outside the person's own streams that mention them: free text or a reason header with one of their
    /// strings, another registration's duplicate candidates naming one of their GIDs.
    /// </summary>
    private static async Task<List<(long Sequence, string Type, JsonNode? Data, JsonNode? Headers)>> MentioningAsync(
        NpgsqlConnection connection, string events, string[] ownStreams, string[] gids, IReadOnlyList<string> strings, CancellationToken ct)
    {
        var found = new List<(long, string, JsonNode?, JsonNode?)>();
        await using var command = new NpgsqlCommand($"""
            select seq_id, type, data::text, headers::text from {events}
            where not (stream_id = any($1)) and (
              (type = any($3) and data::text ilike any($2))
              or coalesce(headers::text, '') ilike any($2)
              or (type in ('natural_person_registered', 'legal_entity_registered') and jsonb_typeof(data -> 'duplicateOverride' -> 'candidates') = 'array'
                  and exists (select 1 from jsonb_array_elements(data -> 'duplicateOverride' -> 'candidates') c where c ->> 'gid' = any($4))))
            order by seq_id
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ownStreams });
        command.Parameters.Add(new NpgsqlParameter { Value = strings.Select(Like).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = FreeText });
        command.Parameters.Add(new NpgsqlParameter { Value = gids });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add((reader.GetInt64(0), reader.GetString(1), JsonNode.Parse(reader.GetString(2)), reader.IsDBNull(3) ? null : JsonNode.Parse(reader.GetString(3))));
        }

        return found;
    }

    /// <summary>A LIKE pattern for the string as it appears in JSON text (escaped as jsonb writes it).</summary>
    private static string Like(string text)
    {
        var json = text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"%{json.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal)}%";
    }
}
