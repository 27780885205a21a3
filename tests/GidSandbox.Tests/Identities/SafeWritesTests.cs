using System.Text.Json.Nodes;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class SafeWritesTests(SandboxFixture sandbox)
{
    private const string AddName = """
        mutation ($input: AddNameInput!) { addName(input: $input) { replayed identity { version names { text } } } }
        """;

    private const string Link = """
        mutation ($input: LinkExternalIdInput!) { linkExternalId(input: $input) { identity { gid } } }
        """;

    [Fact]
    public async Task a_stale_expected_version_is_a_conflict_and_stores_nothing()
    {
        var company = await sandbox.ALegalEntity();
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), expectedVersion = 1, name = new { text = "First", script = "Latn" } } });

        var error = await sandbox.Error(AddName, new { input = new { gid = company.Gid(), expectedVersion = 1, name = new { text = "Second", script = "Latn" } } });

        Assert.Equal("CONFLICT", error.Code());
        Assert.Contains("expectedVersion", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await sandbox.Identity(company.Gid()))!.Version());
    }

    [Fact]
    public async Task of_two_concurrent_writers_with_the_same_expected_version_exactly_one_wins()
    {
        for (var round = 0; round < 5; round++)
        {
            var company = await sandbox.ALegalEntity();
            var writers = Enumerable.Range(0, 2).Select(i => sandbox.GraphQL(AddName, new
            {
                input = new { gid = company.Gid(), expectedVersion = 1, name = new { text = $"Writer {i}", script = "Latn" } },
            }));

            var results = await Task.WhenAll(writers);

            Assert.Single(results, r => r["errors"] is null);
            Assert.Single(results, r => r["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "CONFLICT");
            var stored = (await sandbox.Identity(company.Gid()))!;
            Assert.Equal(2, stored.Version());
            Assert.Equal(2, stored["names"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task an_identifier_linked_concurrently_to_two_gids_ends_up_on_exactly_one()
    {
        for (var round = 0; round < 5; round++)
        {
            var number = Given.ApplicantNumber();
            var first = await sandbox.ALegalEntity($"Racer One {Given.UniqueWord()}");
            var second = await sandbox.ALegalEntity($"Racer Two {Given.UniqueWord()}");

            var results = await Task.WhenAll(new[] { first, second }.Select(c => sandbox.GraphQL(Link, new
            {
                input = new { gid = c.Gid(), identifier = Given.ExternalId(number) },
            })));

            Assert.Single(results, r => r["errors"] is null);
            Assert.Single(results, r => r["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "CONFLICT");
            var holders = 0;
            foreach (var company in new[] { first, second })
            {
                holders += (await sandbox.Identity(company.Gid()))!["externalIdentifiers"]!.AsArray().Count;
            }

            Assert.Equal(1, holders);
        }
    }

    [Fact]
    public async Task a_retried_registration_with_the_same_idempotency_key_returns_the_first_result()
    {
        var key = Guid.NewGuid().ToString();
        var input = new { names = new[] { new { text = "Retry GmbH", script = "Latn" } }, country = "DE", idempotencyKey = key };
        var streams = await sandbox.CountStreams();

        var first = (await sandbox.Data(Given.RegisterLegalEntity, new { input }))["registerLegalEntity"]!.AsObject();
        var retry = (await sandbox.Data(Given.RegisterLegalEntity, new { input }))["registerLegalEntity"]!.AsObject();

        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(retry["replayed"]!.GetValue<bool>());
        Assert.True(JsonNode.DeepEquals(first["identity"], retry["identity"]));
        Assert.Equal(streams + 1, await sandbox.CountStreams());
    }

    [Fact]
    public async Task concurrent_retries_with_one_idempotency_key_register_once()
    {
        var key = Guid.NewGuid().ToString();
        var input = new { names = new[] { new { text = "Parallel Retry SA", script = "Latn" } }, country = "FR", idempotencyKey = key };
        var streams = await sandbox.CountStreams();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sandbox.Data(Given.RegisterLegalEntity, new { input })));

        Assert.Single(results.Select(r => r["registerLegalEntity"]!["identity"]!.AsObject().Gid()).Distinct());
        Assert.Equal(streams + 1, await sandbox.CountStreams());
    }

    [Fact]
    public async Task a_retried_change_is_not_applied_twice_and_the_retry_shows_the_first_result()
    {
        var company = await sandbox.ALegalEntity();
        var input = new { gid = company.Gid(), name = new { text = "Once Only", script = "Latn" }, idempotencyKey = Guid.NewGuid().ToString() };

        var first = await sandbox.Data(AddName, new { input });
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "Later", script = "Latn" } } });
        var retry = await sandbox.Data(AddName, new { input });

        Assert.Equal(2, first["addName"]!["identity"]!["version"]!.GetValue<long>());
        var name = company["names"]![0]!["text"]!.GetValue<string>();
        Given.AssertJson($$"""{"addName":{"replayed":true,"identity":{"version":2,"names":[{"text":"{{name}}"},{"text":"Once Only"}] } } }""", retry);
        Assert.Equal(3, (await sandbox.Identity(company.Gid()))!.Version());
    }

    [Fact]
    public async Task an_idempotency_key_reused_for_a_different_request_is_a_conflict()
    {
        var key = Guid.NewGuid().ToString();
        await sandbox.Data(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = "One", script = "Latn" } }, country = "DE", idempotencyKey = key } });

        var error = await sandbox.Error(Given.RegisterLegalEntity, new { input = new { names = new[] { new { text = "Two", script = "Latn" } }, country = "DE", idempotencyKey = key } });

        Assert.Equal("CONFLICT", error.Code());
        Assert.Contains("idempotency key", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
