using System.Globalization;
using System.Text;
using System.Text.Json;
using GidSandbox.Access;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using Microsoft.AspNetCore.Authentication;
using NodaTime.Text;

namespace GidSandbox.Audit;

/// <summary>
/// GET /audit/export?format=csv|ndjson and the auditTrail filter as query parameters: the whole
/// trail (or a slice) streamed row by row, so memory stays flat however many rows match. Same
/// bearer token and audit:read scope as the GraphQL API.
/// </summary>
public static class AuditExport
{
    public const string Path = "/audit/export";
    private const int FlushEvery = 1_000;
    private static readonly string[] Columns = ["sequence", "stream", "version", "type", "timestamp", "recordedAt", "office", "clientId", "subject", "termsVersion", "correlationId", "reason", "data"];

    public static IEndpointConventionBuilder MapAuditExport(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, HandleAsync).RequireRateLimiting(Quotas.Policy).DisableRequestTimeout(); // streams the whole trail, however long that takes

    private static async Task HandleAsync(HttpContext http, AuditLog log, OfficeQuotas quotas)
    {
        var authentication = await http.AuthenticateAsync(CachedBearerHandler.SchemeName);
        if (!authentication.Succeeded)
        {
            await BearerRefusal.WriteAsync(http, authentication, "Send an access token with the audit:read scope as 'Authorization: Bearer <token>'.");
            return;
        }

        if (!Caller.From(authentication.Principal!).Has(Scopes.AuditRead))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await GraphQLHttpEndpoint.WriteErrorAsync(http, ErrorCodes.Forbidden, "Exporting the audit trail needs the audit:read scope, which this token does not carry.");
            return;
        }

        if (quotas.Charge(Caller.From(authentication.Principal!).Actor.Office, 1) is { Granted: false } overQuota)
        {
            await Quotas.RefuseAsync(http, overQuota);
            return;
        }

        AuditFilter filter;
        string format;
        try
        {
            (filter, format) = Parse(http.Request.Query, log.Types);
        }
        catch (Refusal refusal)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await GraphQLHttpEndpoint.WriteErrorAsync(http, refusal.Code, refusal.Message);
            return;
        }

        // The first row is read before the response starts, so a database that is away is still answered with 503.
        var rows = log.ReadAsync(filter, 0, null, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        await using var _ = rows;
        var any = await rows.MoveNextAsync();
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-trail.{format}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024) { NewLine = format == "csv" ? "\r\n" : "\n" };
        await WriteAsync(writer, Remaining(rows, any), format, http.RequestAborted);
    }

    private static async IAsyncEnumerable<AuditEntry> Remaining(IAsyncEnumerator<AuditEntry> rows, bool any)
    {
        for (var more = any; more; more = await rows.MoveNextAsync())
        {
            yield return rows.Current;
        }
    }

    /// <summary>Writes entries as CSV (RFC 4180, header row) or NDJSON (one JSON object per line), flushing as it goes.</summary>
    public static async Task<long> WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, string format, CancellationToken ct)
    {
        if (format == "csv")
        {
            await writer.WriteLineAsync(string.Join(',', Columns));
        }

        long rows = 0;
        await foreach (var e in entries.WithCancellation(ct))
        {
            await writer.WriteLineAsync(format == "csv" ? Csv(e) : Ndjson(e));
            if (++rows % FlushEvery == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
        return rows;
    }

    private static (AuditFilter Filter, string Format) Parse(IQueryCollection query, AuditEventTypes types)
    {
        var format = query["format"].ToString().ToLowerInvariant();
        if (format is not ("csv" or "ndjson"))
        {
            throw Refusal.Invalid("format", "format is csv or ndjson.");
        }

        var problems = new Problems();
        var input = new AuditFilterInput
        {
            Office = Single(query, "office"),
            ClientId = Single(query, "clientId"),
            EventTypes = query["eventType"].Count > 0 ? [.. query["eventType"].Select(t => t ?? "")] : null,
            From = Single(query, "from") is { } from ? When(problems, "from", from) : null,
            To = Single(query, "to") is { } to ? When(problems, "to", to) : null,
        };
        if (Single(query, "gid") is { } gid)
        {
            try
            {
                input.Gid = Gid.Parse(gid);
            }
            catch (FormatException ex)
            {
                problems.Add("gid", ex.Message);
            }
        }

        problems.ThrowIfAny();
        return (AuditFilter.Parse(input, types, "query"), format);
    }

    private static string? Single(IQueryCollection query, string name) => query[name] is { Count: 1 } values ? values[0] : null;

    private static NodaTime.Instant? When(Problems problems, string name, string text)
    {
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (!parsed.Success)
        {
            problems.Add(name, $"'{InputRules.Shorten(text)}' is not an ISO 8601 instant; expected e.g. 2026-11-24T09:30:00Z.");
            return null;
        }

        return parsed.Value;
    }

    private static string Ndjson(AuditEntry e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("stream", e.StreamId);
            json.WriteNumber("version", e.Version);
            json.WriteString("type", e.Type);
            json.WriteString("timestamp", InstantPattern.ExtendedIso.Format(e.Timestamp));
            json.WriteString("recordedAt", InstantPattern.ExtendedIso.Format(e.RecordedAt));
            json.WriteString("office", e.Office);
            json.WriteString("clientId", e.ClientId);
            json.WriteString("subject", e.Subject);
            json.WriteString("termsVersion", e.TermsVersion);
            json.WriteString("correlationId", e.CorrelationId);
            json.WriteString("reason", e.Reason);
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data, skipInputValidation: true);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Csv(AuditEntry e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture), Quote(e.StreamId), e.Version.ToString(CultureInfo.InvariantCulture), Quote(e.Type),
        InstantPattern.ExtendedIso.Format(e.Timestamp), InstantPattern.ExtendedIso.Format(e.RecordedAt), Quote(e.Office), Quote(e.ClientId), Quote(e.Subject), Quote(e.TermsVersion),
        Quote(e.CorrelationId), Quote(e.Reason), Quote(e.Data));

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Quote(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
