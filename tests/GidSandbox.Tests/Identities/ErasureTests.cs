using System.Text.Json.Nodes;
using GidSandbox.Feed;
using GidSandbox.Tests.ReviewConsole;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class ErasureTests(SandboxFixture sandbox)
{
    private const string Erase = """
        mutation ($input: EraseNaturalPersonInput!) {
          eraseNaturalPerson(input: $input) { replayed identity { gid kind status country mergedInto names { text } primaryName { text } address { city } contactEmail externalIdentifiers { value } erasure { decisionReference legalBasis requestReference } } }
        }
        """;

    private static object ErasureOf(string gid, string decision, string legalBasis = "Right to erasure, GDPR article 17(1)(b)") =>
        new { input = new { gid, requestReference = "REQ-2026-0042", requestReceivedOn = "2026-11-20", decisionReference = decision, legalBasis } };

    /// <summary>A person with names in two scripts, an address, a contact, identifiers from two offices, a merged duplicate, a challenge and a refusal naming them.</summary>
    private sealed record Person(string Gid, string Duplicate, string[] Strings);

    private async Task<Person> APersonWithAHistory()
    {
        var (given, family, street, town) = (Given.UniqueWord(), Given.UniqueWord(), Given.UniqueWord(), Given.UniqueWord());
        var latin = $"{given} {family}";
        var cyrillic = Cyrillic(latin);
        var email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@example.org";
        var (epNumber, epSecond, deNumber) = (Given.ApplicantNumber(), Given.ApplicantNumber(), Given.ApplicantNumber("DE"));
        var person = (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new
            {
                names = new object[] { new { text = latin, script = "Latn" }, new { text = cyrillic, script = "Cyrl", type = "TRANSLITERATION" } },
                country = "CH",
                address = new { lines = new[] { $"{street}strasse 17" }, city = $"{town}wil", postalCode = "8001", country = "CH" },
                contactEmail = email,
                externalIdentifiers = new[] { Given.ExternalId(epNumber) },
            },
        }))["registerNaturalPerson"]!["identity"]!.AsObject();
        await sandbox.Data("mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { version } } }",
            new { input = new { gid = person.Gid(), identifier = Given.ExternalId(deNumber, "DE") } }, Clients.OfficeWithoutMerge);

        // The same person registered again: refused as a look-alike first (a refusal naming them), then on purpose, then merged.
        var duplicateInput = new { names = new[] { new { text = $"{family.ToUpperInvariant()} {given}", script = "Latn" } }, country = "CH", externalIdentifiers = new[] { Given.ExternalId(epSecond) } };
        Assert.Equal("POSSIBLE_DUPLICATE", (await sandbox.Error(Given.RegisterNaturalPerson, new { input = duplicateInput })).Code());
        var duplicate = (await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { duplicateInput.names, duplicateInput.country, duplicateInput.externalIdentifiers, duplicateOverride = new { reason = $"Checked with {latin}'s agent first" } },
        }))["registerNaturalPerson"]!["identity"]!.AsObject();
        await sandbox.Data("mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { version } } }",
            new { input = new { survivor = person.Gid(), merged = duplicate.Gid(), reason = $"{latin} registered twice" } });

        // A challenge by another office, with the person's name in its reason and resolution; a refusal naming their identifier.
        var challenge = (await sandbox.Data("mutation ($gid: Gid!, $reason: String!) { raiseChallenge(gid: $gid, kind: WRONG_NAME, reason: $reason) { id } }",
            new { gid = person.Gid(), reason = $"{latin} is spelt {given}h in our file" }, Clients.OfficeWithoutMerge))["raiseChallenge"]!["id"]!.GetValue<string>();
        await sandbox.Data("mutation ($id: ID!, $reason: String!) { resolveChallenge(challengeId: $id, outcome: REJECTED, reason: $reason) { id } }",
            new { id = challenge, reason = $"{latin} spells it without the h" });
        var other = await sandbox.ALegalEntityBy(Clients.OfficeWithoutMerge, $"Other {Given.UniqueWord()} AG", "CH");
        Assert.Equal("CONFLICT", (await sandbox.Error("mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { version } } }",
            new { input = new { gid = other.Gid(), identifier = Given.ExternalId(deNumber, "DE") } }, client: Clients.OfficeWithoutMerge)).Code());

        return new Person(person.Gid(), duplicate.Gid(), [latin, cyrillic, given, family, street, town, email, epNumber, epSecond, deNumber]);
    }

    [Fact]
    public async Task an_erased_person_leaves_none_of_their_strings_on_any_read_path_and_the_chain_still_verifies()
    {
        var feed = sandbox.Host.Services.GetRequiredService<ChangeFeed>();
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var start = feed.CursorAt(await feed.HighWaterMarkAsync(CancellationToken.None));
        var since = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O");
        var person = await APersonWithAHistory();
        var before = DateTimeOffset.UtcNow.ToString("O");
        var before_erasure = await Everything(person, start, since, before);
        Assert.Contains(person.Strings[0], before_erasure, StringComparison.Ordinal); // the read paths do show the person until the erasure
        var decision = $"GOV-ERASE-{Guid.NewGuid():N}";
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60)); // the chain has covered the person's events as they were

        var erased = (await sandbox.Data(Erase, ErasureOf(person.Gid, decision), Clients.Governance))["eraseNaturalPerson"]!;
        await sandbox.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        Given.AssertJson($$"""
            { "replayed": false, "identity": { "gid": "{{person.Gid}}", "kind": "NATURAL_PERSON", "status": "ERASED", "country": "ZZ", "mergedInto": null, "names": [], "primaryName": null,
              "address": null, "contactEmail": null, "externalIdentifiers": [],
              "erasure": { "decisionReference": "{{decision}}", "legalBasis": "Right to erasure, GDPR article 17(1)(b)", "requestReference": "REQ-2026-0042" } } }
            """, erased);
        var merged = (await sandbox.Data("query ($gid: Gid!) { identity(gid: $gid) { status mergedInto erasure { decisionReference } } }", new { gid = person.Duplicate }))["identity"];
        Given.AssertJson($$"""{ "status": "ERASED", "mergedInto": "{{person.Gid}}", "erasure": { "decisionReference": "{{decision}}" } }""", merged);
        var after = await Everything(person, start, since, before);
        Assert.All(person.Strings, s => Assert.DoesNotContain(s, after, StringComparison.OrdinalIgnoreCase));
        Assert.Equal([], await TablesHolding(person.Strings));
        var chain = (await sandbox.Data("{ verifyAuditTrail { intact eventsErased firstBreak { sequence differences } } }", client: Clients.Governance))["verifyAuditTrail"]!;
        Assert.True(chain["intact"]!.GetValue<bool>(), chain.ToJsonString());
        Assert.True(chain["eventsErased"]!.GetValue<long>() >= 10, chain.ToJsonString());
    }

    [Fact]
    public async Task only_governance_erases_and_a_refused_erasure_stores_nothing()
    {
        var person = await sandbox.ANaturalPerson(country: "CH");
        var events = await sandbox.CountEvents();

        foreach (var client in new[] { Clients.Default, Clients.OfficeWithoutMerge, Clients.Association })
        {
            Assert.Equal("FORBIDDEN", (await sandbox.Error(Erase, ErasureOf(person.Gid(), "GOV-1"), client: client)).Code());
        }

        Assert.Equal(events, await sandbox.CountEvents());
        Assert.Equal("ACTIVE", (await sandbox.Identity(person.Gid()))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_erasure_needs_a_decision_a_legal_basis_and_a_natural_person_that_is_not_merged_away()
    {
        var person = await sandbox.ANaturalPerson(country: "CH");
        var company = await sandbox.ALegalEntity(country: "CH");
        var duplicate = await sandbox.ANaturalPerson(country: "CH");
        await sandbox.Data("mutation ($input: MergeIdentitiesInput!) { mergeIdentities(input: $input) { identity { version } } }",
            new { input = new { survivor = person.Gid(), merged = duplicate.Gid(), reason = "One person" } });
        var events = await sandbox.CountEvents();

        var blank = await sandbox.Error(Erase, ErasureOf(person.Gid(), " ", legalBasis: ""), client: Clients.Governance);
        var entity = await sandbox.Error(Erase, ErasureOf(company.Gid(), "GOV-2"), client: Clients.Governance);
        var mergedAway = await sandbox.Error(Erase, ErasureOf(duplicate.Gid(), "GOV-3"), client: Clients.Governance);
        var unknown = await sandbox.Error(Erase, ErasureOf("GID-0000-0000-0000-0001", "GOV-4"), client: Clients.Governance);

        Assert.Equal(("VALIDATION_FAILED", "input.decisionReference input.legalBasis"), (blank.Code(), string.Join(' ', blank.Fields())));
        Assert.Equal(("VALIDATION_FAILED", "input.gid"), (entity.Code(), string.Join(' ', entity.Fields())));
        Assert.Equal("CONFLICT", mergedAway.Code());
        Assert.Contains($"erase {person.Gid()}", mergedAway["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", unknown.Code());
        Assert.Equal(events, await sandbox.CountEvents());
    }

    [Fact]
    public async Task an_erased_gid_is_never_reused_takes_no_changes_and_a_second_decision_is_a_conflict()
    {
        var person = await sandbox.ANaturalPerson(country: "CH");
        await sandbox.Data(Erase, ErasureOf(person.Gid(), "GOV-5"), Clients.Governance);

        var again = (await sandbox.Data(Erase, ErasureOf(person.Gid(), "GOV-5"), Clients.Governance))["eraseNaturalPerson"]!;
        var other = await sandbox.Error(Erase, ErasureOf(person.Gid(), "GOV-6"), client: Clients.Governance);
        var rename = await sandbox.Error("mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }",
            new { input = new { gid = person.Gid(), name = new { text = "Back Again", script = "Latn" } } });
        var challenge = await sandbox.Error("mutation ($gid: Gid!) { raiseChallenge(gid: $gid, kind: WRONG_NAME, reason: \"Which name?\") { id } }", new { gid = person.Gid() });

        Assert.True(again["replayed"]!.GetValue<bool>());
        Assert.Equal(("CONFLICT", "CONFLICT", "CONFLICT"), (other.Code(), rename.Code(), challenge.Code()));
        Assert.Contains("GOV-5", other["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Every read path, as every role, in one text: identity, history, as-of, search, match, duplicates, challenges, audit trail and export, refusals, change feed, golden copy and delta.</summary>
    private async Task<string> Everything(Person person, string feedStart, string since, string asOf)
    {
        var text = new System.Text.StringBuilder();
        var reads = $$"""
            query ($gid: Gid!, $merged: Gid!, $at: Instant!, $name: String!, $cyrillic: String!, $number: String!, $de: String!) {
              identity(gid: $gid) { ...All }
              mergedAway: identity(gid: $merged) { ...All }
              followed: identity(gid: $merged, followMerges: true) { ...All }
              identityHistory(gid: $gid) { type reason data }
              mergedHistory: identityHistory(gid: $merged) { type reason data }
              identityAsOf(gid: $gid, at: $at) { ...All }
              byName: searchIdentities(name: $name) { edges { node { ...All } explanation { matchedName } } }
              byCyrillic: searchIdentities(name: $cyrillic) { edges { node { ...All } explanation { matchedName } } }
              matchIdentities(records: [{ reference: "r", names: [$name], identifiers: [{ scheme: "applicant-number", issuer: "DE", value: $de }] }]) { gid candidates { gid explanation { matchedName features } } }
              resolveExternalId(scheme: "applicant-number", value: $number, issuer: "EP") { ...All }
              challenges(gid: $gid) { id reason resolution }
            }
            fragment All on Identity { gid status names { text } primaryName { text } address { lines city postalCode } contactEmail externalIdentifiers { value } deactivationReason orcid isni }
            """;
        var variables = new { gid = person.Gid, merged = person.Duplicate, at = asOf, name = person.Strings[0], cyrillic = person.Strings[1], number = person.Strings[7], de = person.Strings[9] };
        foreach (var client in new[] { Clients.Default, Clients.OfficeWithoutMerge, Clients.Association, Clients.Governance })
        {
            text.Append((await sandbox.GraphQL(reads, variables, client: client)).ToJsonString());
            text.Append((await sandbox.GraphQL("{ duplicateCandidates(country: \"CH\", first: 100) { first second score explanation { queryName matchedName features } } }", client: client)).ToJsonString());
        }

        var governance = $$"""
            query ($since: Instant!) {
              auditTrail(filter: { from: $since }, first: 500) { edges { node { streamId type reason data } } }
              ep: refusedWrites(office: "EP") { message } de: refusedWrites(office: "DE") { message }
            }
            """;
        text.Append((await sandbox.Data(governance, new { since }, Clients.Governance)).ToJsonString());
        var export = await sandbox.Send(HttpMethod.Get, $"/audit/export?format=ndjson&from={Uri.EscapeDataString(since)}", token: await sandbox.TokenFor(Clients.Governance, "audit:read"));
        text.Append(await export.Content.ReadAsStringAsync());

        for (string? cursor = feedStart; cursor is not null;)
        {
            var page = (await sandbox.Data("query ($after: String) { changes(after: $after, first: 1000) { changes { gid type } endCursor hasMore } }", new { after = cursor }))["changes"]!;
            text.Append(page["changes"]!.ToJsonString());
            cursor = page["hasMore"]!.GetValue<bool>() ? page["endCursor"]!.GetValue<string>() : null;
        }

        foreach (var user in new[] { "examiner-ep", "examiner-de", "analyst-inta", "reviewer" })
        {
            foreach (var url in new[] { $"/console/identities/{person.Gid}", $"/console/identities/{person.Duplicate}", $"/console/search?name={Uri.EscapeDataString(person.Strings[0])}" })
            {
                using var visitor = new ConsoleVisitor(sandbox);
                text.Append(await (await visitor.SignInToConsole(user, url)).Content.ReadAsStringAsync());
            }
        }

        var services = sandbox.Host.Services;
        var directory = Path.Combine(Path.GetTempPath(), $"gid-erasure-{Guid.NewGuid():N}");
        var feed = services.GetRequiredService<ChangeFeed>();
        var golden = await GoldenCopy.ExportAsync(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<IDocumentStore>(), feed, directory, personalData: true, CancellationToken.None);
        text.Append(await File.ReadAllTextAsync(golden.File));
        var delta = await DeltaExport.ExportAsync(feed, feedStart, null, directory, CancellationToken.None);
        text.Append(await File.ReadAllTextAsync(delta.File));
        Directory.Delete(directory, recursive: true);
        return text.ToString();
    }

    /// <summary>Every table of the registry's schema, events and documents alike, with a row holding one of the strings.</summary>
    private async Task<List<string>> TablesHolding(string[] strings)
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = 'gid' and table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from gid.{table} t where t::text ilike any($1)", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = strings.Select(s => $"%{s}%").ToArray() });
            if ((long)(await count.ExecuteScalarAsync())! > 0)
            {
                holding.Add(table);
            }
        }

        return holding;
    }

    private static string Cyrillic(string latin) =>
        string.Concat(latin.Select(c => char.IsUpper(c) ? char.ToUpperInvariant(CyrillicOf(char.ToLowerInvariant(c))) : CyrillicOf(c)));

    private static char CyrillicOf(char c) => "abdefgiklmnoprstuvz".IndexOf(c, StringComparison.Ordinal) is >= 0 and var i ? "абдефгиклмнопрстувз"[i] : c;
}
