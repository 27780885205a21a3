using System.Runtime.CompilerServices;
using GidSandbox.Identities;
using Marten;
using NodaTime;
using Npgsql;

namespace GidSandbox.Audit;

/// <summary>One event of the registry-wide audit trail, as recorded, with who, when, why and under which Terms.</summary>
public sealed record AuditEntry(
    long Sequence,
    string StreamId,
    long Version,
    string Type,
    Instant Timestamp,
    Instant RecordedAt,
    string? Office,
    string? ClientId,
    string? Subject,
    string? TermsVersion,
    string? CorrelationId,
    string? Reason,
    string Data);

/// <summary>
/// Reads the events table directly, in global sequence order, streaming rows as PostgreSQL sends
/// them: the trail is the data, and exports of millions of rows never sit in memory.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource database, IDocumentStore store, AuditEventTypes types)
{
    public string EventsTable { get; } = $"{store.Options.Events.DatabaseSchemaName}.mt_events";

    public AuditEventTypes Types => types;

    public NpgsqlDataSource Database => database;

    public async IAsyncEnumerable<AuditEntry> ReadAsync(AuditFilter filter, long after, int? limit, [EnumeratorCancellation] CancellationToken ct)
    {
        var (where, parameters) = filter.ToSql();
        await using var command = database.CreateCommand($"""
            select seq_id, stream_id, version, type, timestamp, coalesce((headers ->> '{Writes.RecordedAtHeader}')::timestamptz, timestamp), headers ->> 'office', headers ->> 'clientId', headers ->> 'subject',
                   headers ->> 'termsVersion', correlation_id, headers ->> 'reason', data::text
            from {EventsTable}
            where seq_id > $1{where}
            order by seq_id
            {(limit is { } n ? $"limit {n}" : "")}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new AuditEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                types.ApiName(reader.GetString(3)),
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc)),
                Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc)),
                Text(reader, 6),
                Text(reader, 7),
                Text(reader, 8),
                Text(reader, 9),
                Text(reader, 10),
                Text(reader, 11),
                reader.GetString(12));
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
