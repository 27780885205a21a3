using GidSandbox.Access;
using GidSandbox.Audit;
using GidSandbox.GraphQL;
using GidSandbox.Identities;
using GidSandbox.Terms;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace GidSandbox.Reports;

public sealed record TermsAcceptanceRow(string Office, ParticipantRole Role, string? Version, Instant? FirstAcceptedAt, string? AcceptedBy, bool InForce, bool Suspended);

public sealed record RefusalCount(string Code, long Count);

public sealed record UsageRow(string Office, LocalDate Day, long Requests, long Writes, IReadOnlyList<RefusalCount> Refusals);

public sealed record RegistrationRow(LocalDate Day, string Office, long Registrations, long Merges);

/// <summary>Reports for governance reviewers (audit:read): Terms acceptance, usage, registrations and merges, duplicate candidates outstanding.</summary>
public static class GovernanceReports
{
    public const int MaxDays = 366;

    public static void Map(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TermsAcceptanceRowGraphType>>>>("termsAcceptanceReport")
            .Description("Every participant and each version of the Terms of Use it accepted (one row with version null if none). Needs audit:read.")
            .Configure(AuditRead)
            .ResolveAsync(async ctx => await TermsAcceptanceAsync(ctx));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UsageRowGraphType>>>>("usageReport")
            .Description($"Requests, writes and refusals by code per office per day (Geneva), from..to inclusive, at most {MaxDays} days. Needs audit:read.")
            .Argument<NonNullGraphType<LocalDateGraphType>>("from")
            .Argument<NonNullGraphType<LocalDateGraphType>>("to")
            .Argument<StringGraphType>("office")
            .Configure(AuditRead)
            .ResolveAsync(async ctx => await UsageAsync(ctx, Range(ctx), ctx.GetArgument<string?>("office")?.Trim().ToUpperInvariant()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegistrationRowGraphType>>>>("registrationsReport")
            .Description($"Registrations and merges per day (Geneva) and office, from..to inclusive, at most {MaxDays} days. Needs audit:read.")
            .Argument<NonNullGraphType<LocalDateGraphType>>("from")
            .Argument<NonNullGraphType<LocalDateGraphType>>("to")
            .Configure(AuditRead)
            .ResolveAsync(async ctx => await RegistrationsAsync(ctx, Range(ctx)));

        DuplicateCandidatesReport.Map(query, AuditRead);
    }

    /// <summary>Days are Geneva calendar days, like the Terms' effective dates.</summary>
    public static (Instant From, Instant To) Range(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw Refusal.Invalid("to", $"The range is inverted: to ({to:uuuu-MM-dd}) is before from ({from:uuuu-MM-dd}).");
        }

        if (Period.Between(from, to, PeriodUnits.Days).Days >= MaxDays)
        {
            throw Refusal.Invalid("to", $"A report covers at most {MaxDays} days; ask for several ranges.");
        }

        return (from.AtStartOfDayInZone(TermsOfUseBook.Zone).ToInstant(), to.PlusDays(1).AtStartOfDayInZone(TermsOfUseBook.Zone).ToInstant());
    }

    private static (Instant From, Instant To) Range(IResolveFieldContext ctx) => Range(ctx.GetArgument<LocalDate>("from"), ctx.GetArgument<LocalDate>("to"));

    private static async Task<List<TermsAcceptanceRow>> TermsAcceptanceAsync(IResolveFieldContext ctx)
    {
        var services = ctx.RequestServices!;
        var log = services.GetRequiredService<AuditLog>();
        var standings = services.GetRequiredService<Standings>();
        var inForce = (await standings.TermsAsync(ctx.CancellationToken)).InForce(TermsOfUseBook.Today(services.GetRequiredService<IClock>().GetCurrentInstant()));
        var accepted = new List<(string Office, string Version, Instant At, string? By)>();
        await using (var command = log.Database.CreateCommand($"""
            select substr(stream_id, {OfficeStanding.StreamId("").Length + 1}), data ->> 'version', min(timestamp), (array_agg(headers ->> 'clientId' order by seq_id))[1]
            from {log.EventsTable} where type = $1 group by 1, 2 order by 1, 3
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = log.Types.StoredName(nameof(TermsOfUseAccepted))! });
            await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
            while (await reader.ReadAsync(ctx.CancellationToken))
            {
                accepted.Add((reader.GetString(0), reader.GetString(1), Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }
        }

        var rows = new List<TermsAcceptanceRow>();
        foreach (var participant in services.GetRequiredService<IOptions<AccessOptions>>().Value.Participants.DistinctBy(p => p.Office).OrderBy(p => p.Office, StringComparer.Ordinal))
        {
            var standing = await standings.OfficeAsync(participant.Office, ctx.CancellationToken);
            var versions = accepted.Where(a => a.Office == participant.Office).ToList();
            rows.AddRange(versions.Count == 0
                ? [new TermsAcceptanceRow(participant.Office, participant.Role, null, null, null, false, standing.Suspended)]
                : versions.Select(a => new TermsAcceptanceRow(participant.Office, participant.Role, a.Version, a.At, a.By, a.Version == inForce?.Version, standing.Suspended)));
        }

        return rows;
    }

    private static async Task<List<UsageRow>> UsageAsync(IResolveFieldContext ctx, (Instant From, Instant To) range, string? office)
    {
        var services = ctx.RequestServices!;
        var log = services.GetRequiredService<AuditLog>();
        var usage = services.GetRequiredService<UsageCounter>();
        await usage.FlushAsync(ctx.CancellationToken); // this node's last seconds too
        var days = (From: range.From.InZone(TermsOfUseBook.Zone).Date.ToDateOnly(), To: range.To.InZone(TermsOfUseBook.Zone).Date.ToDateOnly());
        var counts = new Dictionary<(string Office, LocalDate Day), (long Requests, long Writes, List<RefusalCount> Refusals)>();
        (long Requests, long Writes, List<RefusalCount> Refusals) Row(string o, LocalDate d) =>
            counts.TryGetValue((o, d), out var row) ? row : counts[(o, d)] = (0, 0, []);

        await using (var command = log.Database.CreateCommand($"""
            select office, day, metric, count from {usage.Table} where day >= $1 and day < $2 and ($3::text is null or office = $3) order by office, day, metric
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = days.From });
            command.Parameters.Add(new NpgsqlParameter { Value = days.To });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)office ?? DBNull.Value, DataTypeName = "text" });
            await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
            while (await reader.ReadAsync(ctx.CancellationToken))
            {
                var key = (reader.GetString(0), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)));
                var row = Row(key.Item1, key.Item2);
                counts[key] = reader.GetString(2) == UsageCounter.Requests
                    ? row with { Requests = reader.GetInt64(3) }
                    : row with { Refusals = [.. row.Refusals, new RefusalCount(reader.GetString(2), reader.GetInt64(3))] };
            }
        }

        await using (var command = log.Database.CreateCommand($"""
            select headers ->> 'office', (timestamp at time zone '{TermsOfUseBook.Zone.Id}')::date, count(*)
            from {log.EventsTable}
            where timestamp >= $1 and timestamp < $2 and type <> $3 and headers ? 'office' and ($4::text is null or headers ->> 'office' = $4)
            group by 1, 2
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = range.From.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = range.To.ToDateTimeUtc() });
            command.Parameters.Add(new NpgsqlParameter { Value = log.Types.StoredName(nameof(WriteRefused))! });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)office ?? DBNull.Value, DataTypeName = "text" });
            await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
            while (await reader.ReadAsync(ctx.CancellationToken))
            {
                var key = (reader.GetString(0), LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(1)));
                counts[key] = Row(key.Item1, key.Item2) with { Writes = reader.GetInt64(2) };
            }
        }

        return [.. counts.OrderBy(c => c.Key.Office, StringComparer.Ordinal).ThenBy(c => c.Key.Day)
            .Select(c => new UsageRow(c.Key.Office, c.Key.Day, c.Value.Requests, c.Value.Writes, c.Value.Refusals))];
    }

    private static async Task<List<RegistrationRow>> RegistrationsAsync(IResolveFieldContext ctx, (Instant From, Instant To) range)
    {
        var log = ctx.RequestServices!.GetRequiredService<AuditLog>();
        var registered = new[] { nameof(NaturalPersonRegistered), nameof(LegalEntityRegistered) }.Select(t => log.Types.StoredName(t)!).ToArray();
        var merged = log.Types.StoredName(nameof(IdentityMerged))!;
        await using var command = log.Database.CreateCommand($"""
            select (timestamp at time zone '{TermsOfUseBook.Zone.Id}')::date, coalesce(headers ->> 'office', ''),
                   count(*) filter (where type = any($3)), count(*) filter (where type = $4)
            from {log.EventsTable}
            where timestamp >= $1 and timestamp < $2 and (type = any($3) or type = $4)
            group by 1, 2 order by 1, 2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = range.From.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter { Value = range.To.ToDateTimeUtc() });
        command.Parameters.Add(new NpgsqlParameter { Value = registered });
        command.Parameters.Add(new NpgsqlParameter { Value = merged });
        var rows = new List<RegistrationRow>();
        await using var reader = await command.ExecuteReaderAsync(ctx.CancellationToken);
        while (await reader.ReadAsync(ctx.CancellationToken))
        {
            rows.Add(new RegistrationRow(LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(0)), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }

    private static void AuditRead(FieldType field) => field.Metadata[ScopeRule.RequiredScope] = Scopes.AuditRead;
}

public sealed class TermsAcceptanceRowGraphType : ObjectGraphType<TermsAcceptanceRow>
{
    public TermsAcceptanceRowGraphType()
    {
        Name = "TermsAcceptanceRow";
        Field(x => x.Office);
        Field(x => x.Role, type: typeof(NonNullGraphType<EnumerationGraphType<ParticipantRole>>));
        Field(x => x.Version, nullable: true).Description("A version the office accepted; null if it accepted none.");
        Field(x => x.FirstAcceptedAt, type: typeof(InstantGraphType));
        Field(x => x.AcceptedBy, nullable: true).Description("The client that accepted it first.");
        Field(x => x.InForce).Description("This version is the one in force today.");
        Field(x => x.Suspended);
    }
}

public sealed class UsageRowGraphType : ObjectGraphType<UsageRow>
{
    public UsageRowGraphType()
    {
        Name = "UsageRow";
        Field(x => x.Office).Description("The office, or (none) for requests without a valid token.");
        Field(x => x.Day, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(x => x.Requests).Description("Requests to /graphql and /audit.");
        Field(x => x.Writes).Description("Events recorded for the office's clients.");
        Field(x => x.Refusals, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RefusalCountGraphType>>>)).Description("Errors by extensions.code.");
    }
}

public sealed class RefusalCountGraphType : ObjectGraphType<RefusalCount>
{
    public RefusalCountGraphType()
    {
        Name = "RefusalCount";
        Field(x => x.Code);
        Field(x => x.Count);
    }
}

public sealed class RegistrationRowGraphType : ObjectGraphType<RegistrationRow>
{
    public RegistrationRowGraphType()
    {
        Name = "RegistrationRow";
        Field(x => x.Day, type: typeof(NonNullGraphType<LocalDateGraphType>));
        Field(x => x.Office);
        Field(x => x.Registrations);
        Field(x => x.Merges);
    }
}
