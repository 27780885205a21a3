using System.Security.Cryptography;
using System.Text;
using GidSandbox.Identities;
using NodaTime;
using NodaTime.Text;
using Npgsql;

namespace GidSandbox.Audit;

/// <summary>What an auditor asks of the trail: every criterion is optional and they combine with AND.</summary>
public sealed class AuditFilterInput
{
    public Gid? Gid { get; set; }

    public string? Office { get; set; }

    public string? ClientId { get; set; }

    public IReadOnlyList<string>? EventTypes { get; set; }

    public Instant? From { get; set; }

    public Instant? To { get; set; }
}

/// <summary>A validated filter, with stored event type names, ready to become SQL.</summary>
public sealed record AuditFilter(string? StreamId, string? Office, string? ClientId, IReadOnlyList<string> EventTypes, Instant? From, Instant? To)
{
    public const int MaxEventTypes = 50;

    public static readonly AuditFilter Everything = new(null, null, null, [], null, null);

    /// <summary>Checks the filter: time ranges run forwards, event types exist, codes are plausible.</summary>
    public static AuditFilter Parse(AuditFilterInput? input, AuditEventTypes types, string path = "filter")
    {
        if (input is null)
        {
            return Everything;
        }

        var problems = new Problems();
        if (input.From is { } from && input.To is { } to && from >= to)
        {
            problems.Add($"{path}.to", $"The time range is inverted or empty: to ({InstantPattern.ExtendedIso.Format(to)}) must be after from ({InstantPattern.ExtendedIso.Format(from)}); from is inclusive, to exclusive.");
        }

        var office = Code(problems, $"{path}.office", input.Office, upper: true);
        var client = Code(problems, $"{path}.clientId", input.ClientId, upper: false);
        var stored = new List<string>();
        if (input.EventTypes is { Count: > MaxEventTypes })
        {
            problems.Add($"{path}.eventTypes", $"At most {MaxEventTypes} event types at once.");
        }
        else
        {
            foreach (var name in input.EventTypes ?? [])
            {
                if (types.StoredName(name) is { } alias)
                {
                    stored.Add(alias);
                }
                else
                {
                    problems.Add($"{path}.eventTypes", $"'{InputRules.Shorten(name)}' is not an event type of the registry; known types are {string.Join(", ", types.Names)}.");
                }
            }
        }

        problems.ThrowIfAny();
        return new AuditFilter(input.Gid?.Value, office, client, [.. stored.Distinct().Order(StringComparer.Ordinal)], input.From, input.To);
    }

    private static string? Code(Problems problems, string field, string? value, bool upper)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length is 0 or > 100 || trimmed.Any(char.IsControl))
        {
            problems.Add(field, "Give 1 to 100 printable characters, or leave it out.");
            return null;
        }

        return upper ? trimmed.ToUpperInvariant() : trimmed;
    }

    /// <summary>Identifies the filter inside a cursor, so a cursor only continues the query that made it.</summary>
    public byte[] Fingerprint(string purpose) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        purpose, StreamId, Office, ClientId, string.Join(',', EventTypes), From?.ToUnixTimeTicks(), To?.ToUnixTimeTicks())))[..16];

    /// <summary>The WHERE clause (after "where seq_id > $1") and its parameters, numbered from $2.</summary>
    public (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) ToSql()
    {
        var sql = new StringBuilder();
        var parameters = new List<NpgsqlParameter>();
        void Add(string condition, object value)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
            sql.Append(" and ").Append(condition.Replace("?", $"${parameters.Count + 1}", StringComparison.Ordinal));
        }

        if (StreamId is not null)
        {
            Add("stream_id = ?", StreamId);
        }

        if (Office is not null)
        {
            Add("headers ->> 'office' = ?", Office);
        }

        if (ClientId is not null)
        {
            Add("headers ->> 'clientId' = ?", ClientId);
        }

        if (EventTypes.Count > 0)
        {
            Add("type = any(?)", EventTypes.ToArray());
        }

        if (From is { } from)
        {
            Add("timestamp >= ?", from.ToDateTimeUtc());
        }

        if (To is { } to)
        {
            Add("timestamp < ?", to.ToDateTimeUtc());
        }

        return (sql.ToString(), parameters);
    }
}
