using System.Text.Json.Nodes;
using GidSandbox.Identities.Linking;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GidSandbox.Tests.Matching;

[Collection(SandboxCollection.Name)]
public sealed class SearchIdentitiesTests(SandboxFixture sandbox)
{
    private const string Search = """
        query ($name: String!, $kind: IdentityKind, $country: CountryCode, $first: Int, $after: String) {
          searchIdentities(name: $name, kind: $kind, country: $country, first: $first, after: $after) {
            edges { cursor score node { gid } explanation { queryName matchedName matchedKey legalForm legalFormElf features
              parts { trigram tokenOverlap phonetic legalForm country identifier } } }
            pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }
        """;

    private async Task<JsonObject> SearchFor(string name, string? kind = null, string? country = null, int? first = null, string? after = null, string client = Clients.Default) =>
        (await sandbox.Data(Search, new { name, kind, country, first, after }, client))["searchIdentities"]!.AsObject();

    private static string[] Gids(JsonObject connection) =>
        [.. connection["edges"]!.AsArray().Select(e => e!["node"]!["gid"]!.GetValue<string>())];

    [Fact]
    public async Task the_name_indexes_keep_at_most_64_kB_of_new_entries_aside_so_no_lookup_reads_more_after_a_load()
    {
        await using var connection = new NpgsqlConnection(sandbox.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select c.relname, coalesce(array_to_string(c.reloptions, ','), '') from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam where i.indrelid = 'gid.mt_doc_matchprofile'::regclass and a.amname = 'gin' order by 1",
            connection);
        var indexes = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add($"{reader.GetString(0)} {reader.GetString(1)}");
            }
        }

        Assert.Equal(
            ["mt_doc_matchprofile_idx_exact_keys gin_pending_list_limit=64", "mt_doc_matchprofile_idx_search_text gin_pending_list_limit=64", "mt_doc_matchprofile_idx_words gin_pending_list_limit=64"],
            indexes);
    }

    [Fact]
    public async Task search_finds_a_company_by_another_spelling_of_its_name_and_legal_form_and_explains_the_hit()
    {
        var word = Given.UniqueWord();
        var company = await sandbox.ALegalEntity($"Müller {word} GmbH", "DE");

        var found = await SearchFor($"MUELLER {word.ToUpperInvariant()} Gesellschaft mit beschränkter Haftung", country: "DE");

        var key = $"muller {word.ToLowerInvariant()}";
        Given.AssertJson($$"""
            { "edges": [ { "cursor": "{{found["edges"]![0]!["cursor"]}}", "score": 0.98, "node": { "gid": "{{company.Gid()}}" },
                "explanation": { "queryName": "MUELLER {{word.ToUpperInvariant()}} Gesellschaft mit beschränkter Haftung",
                  "matchedName": "Müller {{word}} GmbH", "matchedKey": "{{key}}", "legalForm": "GMBH", "legalFormElf": "2HBR",
                  "features": ["SAME_NAME", "SAME_LEGAL_FORM"],
                  "parts": { "trigram": 1, "tokenOverlap": 1, "phonetic": 1, "legalForm": 1, "country": 1, "identifier": 0 } } } ],
              "pageInfo": { "hasNextPage": false, "hasPreviousPage": false, "endCursor": "{{found["edges"]![0]!["cursor"]}}" } }
            """, found);
    }

    [Fact]
    public async Task search_ranks_a_close_spelling_below_the_exact_one_and_leaves_out_unrelated_names()
    {
        var word = Given.UniqueWord();
        var exact = await sandbox.ANaturalPerson($"Taro {word}", "JP");
        var typo = await sandbox.ANaturalPerson($"Jiro {word}", "JP");
        await sandbox.ANaturalPerson($"Hanako {Given.UniqueWord()}", "JP");

        var found = await SearchFor($"{word.ToUpperInvariant()} Taro", kind: "NATURAL_PERSON");

        Assert.Equal([exact.Gid(), typo.Gid()], Gids(found));
        Assert.Equal(1.0, found["edges"]![0]!["score"]!.GetValue<double>());
        Assert.Contains("SAME_WORDS_ANY_ORDER", found["edges"]![0]!["explanation"]!["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.InRange(found["edges"]![1]!["score"]!.GetValue<double>(), SearchScoreFloor, 0.99);
    }

    private const double SearchScoreFloor = 0.5;

    [Fact]
    public async Task a_search_too_short_for_the_looser_thresholds_still_finds_the_names_holding_it()
    {
        var whole = await sandbox.ALegalEntity("Xq Labs", "TV");
        await sandbox.ALegalEntity("Xqa Labs", "TV");

        var found = await SearchFor("XQ", country: "TV");

        Assert.Equal([whole.Gid()], Gids(found));
    }

    [Fact]
    public async Task search_finds_a_person_written_with_initials_first_among_more_namesakes_than_it_scores()
    {
        var word = Given.UniqueWord();
        foreach (var given in new[] { "Anna", "Bert", "Carl", "Dora", "Emil", "Fritz", "Greta", "Hugo", "Ida", "Jonas", "Karin",
            "Mona", "Nils", "Olga", "Paul", "Rosa", "Sven", "Tina", "Ulrich", "Vera", "Willi", "Xaver" })
        {
            await sandbox.ANaturalPerson($"{given} {word}", "DE");
        }

        var lina = await sandbox.ANaturalPerson($"Lina {word}", "DE");

        var found = await SearchFor($"L. {word}", kind: "NATURAL_PERSON", first: 1);

        Assert.Equal([lina.Gid()], Gids(found));
        Assert.Contains("INITIAL", found["edges"]![0]!["explanation"]!["features"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task search_filters_by_kind_and_country()
    {
        var word = Given.UniqueWord();
        var inJapan = await sandbox.ALegalEntity($"{word} Industries", "JP");
        var inKorea = await sandbox.ALegalEntity($"{word} Industries", "KR");
        var person = await sandbox.ANaturalPerson($"{word} Industries", "JP");

        Assert.Equal([inKorea.Gid()], Gids(await SearchFor($"{word} Industries", country: "KR")));
        Assert.Equal([person.Gid()], Gids(await SearchFor($"{word} Industries", kind: "NATURAL_PERSON")));
        Assert.Equal([inJapan.Gid()], Gids(await SearchFor($"{word} Industries", kind: "LEGAL_ENTITY", country: "JP")));
    }

    [Fact]
    public async Task search_finds_by_external_identifier_and_by_the_start_of_a_gid_from_the_same_field()
    {
        var number = Given.ApplicantNumber();
        var company = await sandbox.ALegalEntity($"{Given.UniqueWord()} Optics", "JP", Given.ExternalId(number));

        var byIdentifier = await SearchFor(number);
        var byPrefix = await SearchFor(company.Gid()[..14].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        var byWholeGid = await SearchFor(company.Gid().Replace("-", "", StringComparison.Ordinal));

        Assert.Equal([company.Gid()], Gids(byIdentifier));
        Assert.Equal([$"IDENTIFIER EP applicant-number {number}"], byIdentifier["edges"]![0]!["explanation"]!["features"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(1, byIdentifier["edges"]![0]!["explanation"]!["parts"]!["identifier"]!.GetValue<double>());
        Assert.Contains(company.Gid(), Gids(byPrefix));
        Assert.Equal([company.Gid()], Gids(byWholeGid));
    }

    [Fact]
    public async Task the_claims_holding_a_searched_identifier_value_are_found_through_an_index()
    {
        var store = sandbox.Host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var lookup = session.Query<ExternalIdentifierClaim>().Where(c => c.Identifier.Value == "520000123").ToCommand();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand("set local enable_seqscan = off", connection, transaction).ExecuteNonQueryAsync();
        var explain = new NpgsqlCommand("explain " + lookup.CommandText, connection, transaction);
        foreach (NpgsqlParameter parameter in lookup.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var plan = string.Join("\n", await ReadAll(explain));

        Assert.Contains("mt_doc_externalidentifierclaim_idx_identifier_value", plan, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadAll(NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }

    [Fact]
    public async Task search_pages_with_cursors()
    {
        var word = Given.UniqueWord();
        var gids = new HashSet<string>();
        foreach (var country in new[] { "JP", "KR", "CN" })
        {
            gids.Add((await sandbox.ALegalEntity($"{word} Pharma", country)).Gid());
        }

        var first = await SearchFor($"{word} Pharma", first: 2);
        var rest = await SearchFor($"{word} Pharma", first: 2, after: first["pageInfo"]!["endCursor"]!.GetValue<string>());

        Assert.Equal((true, false), (first["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), first["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));
        Assert.Equal((false, true), (rest["pageInfo"]!["hasNextPage"]!.GetValue<bool>(), rest["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>()));
        Assert.Equal(gids, [.. Gids(first), .. Gids(rest)]);
    }

    [Fact]
    public async Task an_association_can_search_but_does_not_see_a_persons_details()
    {
        var word = Given.UniqueWord();
        var person = await sandbox.Data(Given.RegisterNaturalPerson, new
        {
            input = new { names = new[] { new { text = $"Erika {word}", script = "Latn" } }, country = "DE", address = new { lines = new[] { "Heidestraße 17" }, city = "Köln", country = "DE" } },
        });

        var found = await sandbox.Data(
            "query ($n: String!) { searchIdentities(name: $n) { edges { node { gid address { city } personalDetailsWithheld } } } }",
            new { n = $"Erika {word}" },
            Clients.Association);

        Given.AssertJson($$"""
            { "searchIdentities": { "edges": [ { "node": { "gid": "{{person["registerNaturalPerson"]!["identity"]!.AsObject().Gid()}}", "address": null, "personalDetailsWithheld": true } } ] } }
            """, found);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("!!! ??? ...")]
    [InlineData("😀🎉🔥")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("%_%")]
    [InlineData(".*[]+?^$()|\\")]
    public async Task a_search_without_letters_or_digits_is_refused_with_what_to_give_instead(string name)
    {
        var error = await sandbox.Error(Search, new { name });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["name"], error.Fields());
    }

    [Fact]
    public async Task a_ten_thousand_character_search_is_refused_before_any_work()
    {
        var error = await sandbox.Error(Search, new { name = new string('a', 10_000) });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal(["name"], error.Fields());
        Assert.Equal("name: Search for at most 500 characters; got 10000.", error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a%b_c")]
    [InlineData("ACME.* (Co|Ltd)")]
    [InlineData("Samsung 삼성 Электроникс")]
    [InlineData("'; drop table gid.mt_doc_matchprofile; --")]
    public async Task metacharacters_and_mixed_scripts_are_searched_as_plain_text(string name)
    {
        var found = await SearchFor(name);

        Assert.NotNull(found["edges"]!.AsArray());
    }

    [Theory]
    [InlineData(0, null, "first")]
    [InlineData(51, null, "first")]
    [InlineData(10, "not-a-cursor", "after")]
    public async Task a_page_size_out_of_range_or_a_foreign_cursor_is_refused(int first, string? after, string field)
    {
        var error = await sandbox.Error(Search, new { name = "ACME", first, after });

        Assert.Equal("VALIDATION_FAILED", error.Code());
        Assert.Equal([field], error.Fields());
    }

    [Fact]
    public async Task searching_needs_the_read_scope()
    {
        var token = await sandbox.TokenFor(Clients.Default, "gid:write");
        var response = await sandbox.Send(HttpMethod.Post, "/graphql", SandboxFixture.Json(new { query = "{ searchIdentities(name: \"ACME\") { edges { cursor } } }" }), token: token);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
