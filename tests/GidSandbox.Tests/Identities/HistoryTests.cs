using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;

namespace GidSandbox.Tests.Identities;

[Collection(SandboxCollection.Name)]
public sealed class HistoryTests(SandboxFixture sandbox)
{
    private const string History = """
        query ($gid: Gid!) { identityHistory(gid: $gid) { version sequence type recordedAt office clientId correlationId reason data } }
        """;

    private const string AsOf = """
        query ($gid: Gid!, $at: Instant!) { identityAsOf(gid: $gid, at: $at) { version names { text } status } }
        """;

    private const string AddName = """
        mutation ($input: AddNameInput!) { addName(input: $input) { identity { version } } }
        """;

    private const string Deactivate = """
        mutation ($input: DeactivateIdentityInput!) { deactivateIdentity(input: $input) { identity { version } } }
        """;

    [Fact]
    public async Task the_history_lists_every_event_with_who_when_and_why()
    {
        var company = await sandbox.ALegalEntity("Gamma Ltd", "GB");
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "Gamma Limited", script = "Latn" } } });
        await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Test registration" } });

        var history = (await sandbox.Data(History, new { gid = company.Gid() }))["identityHistory"]!.AsArray();

        Assert.Equal(["LegalEntityRegistered", "NameAdded", "IdentityDeactivated"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal([1L, 2L, 3L], history.Select(e => e!["version"]!.GetValue<long>()));
        Assert.All(history, e => Assert.Equal("EP", e!["office"]!.GetValue<string>()));
        Assert.All(history, e => Assert.Equal(Clients.Default, e!["clientId"]!.GetValue<string>()));
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e!["correlationId"]?.GetValue<string>())));
        Assert.Equal("Test registration", history[2]!["reason"]!.GetValue<string>());
        var added = history[1]!["data"]!.DeepClone().AsObject();
        Assert.Equal(sandbox.Clock.GetCurrentInstant().ToString()[..10], added["name"]!["assertedAt"]!.GetValue<string>()[..10]);
        added["name"]!.AsObject().Remove("assertedAt");
        Given.AssertJson("""{"name":{"id":2,"text":"Gamma Limited","script":"Latn","language":null,"type":"ALIAS","isPrimary":false,"assertedBy":"EP"}}""", added);
        var times = history.Select(e => InstantPattern.ExtendedIso.Parse(e!["recordedAt"]!.GetValue<string>()).GetValueOrThrow()).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public async Task the_history_names_a_signed_in_person_and_no_one_for_a_client_acting_for_itself()
    {
        var company = await ACompanyNamedByExaminerEp();

        var history = (await sandbox.Data("query ($gid: Gid!) { identityHistory(gid: $gid) { version office clientId subject } }", new { gid = company.Gid() }))["identityHistory"]!;

        Given.AssertJson("""
            [ { "version": 1, "office": "EP", "clientId": "office-ep", "subject": null },
              { "version": 2, "office": "EP", "clientId": "gid-console", "subject": "examiner-ep" } ]
            """, history);
    }

    [Fact]
    public async Task the_acting_person_is_shown_only_to_the_acting_office_and_governance()
    {
        var company = await ACompanyNamedByExaminerEp();

        const string query = "query ($gid: Gid!) { identityHistory(gid: $gid) { version office subject } }";
        var seenByAnotherOffice = (await sandbox.Data(query, new { gid = company.Gid() }, Clients.OfficeWithoutMerge))["identityHistory"]!;
        var seenByGovernance = (await sandbox.Data(query, new { gid = company.Gid() }, Clients.Governance))["identityHistory"]!;

        Given.AssertJson("""
            [ { "version": 1, "office": "EP", "subject": null }, { "version": 2, "office": "EP", "subject": null } ]
            """, seenByAnotherOffice);
        Given.AssertJson("""
            [ { "version": 1, "office": "EP", "subject": null }, { "version": 2, "office": "EP", "subject": "examiner-ep" } ]
            """, seenByGovernance);
    }

    /// <summary>A company registered by office-ep's client, then given a name by examiner-ep signed in to the console.</summary>
    private async Task<System.Text.Json.Nodes.JsonObject> ACompanyNamedByExaminerEp()
    {
        var company = await sandbox.ALegalEntity();
        using var examiner = new ReviewConsole.ConsoleVisitor(sandbox);
        var page = await examiner.SignInToConsole("examiner-ep", $"/console/identities/{company.Gid()}");
        await examiner.Submit(page, $"/console/identities/{company.Gid()}/names", new Dictionary<string, string>
        {
            ["expectedVersion"] = "1",
            ["text"] = "Named By A Person",
            ["script"] = "Latn",
            ["type"] = "ALIAS",
        });
        return company;
    }

    [Fact]
    public async Task the_correlation_id_of_the_request_is_recorded()
    {
        var company = await sandbox.ALegalEntity();
        var correlationId = $"test-{Guid.NewGuid():N}";
        var token = await sandbox.TokenFor(Clients.Default);

        await sandbox.Host.Scenario(s =>
        {
            s.Post.Json(new { query = AddName, variables = new { input = new { gid = company.Gid(), name = new { text = "Correlated", script = "Latn" } } } }).ToUrl("/graphql");
            s.WithRequestHeader("X-Correlation-Id", correlationId);
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.Header("X-Correlation-Id").SingleValueShouldEqual(correlationId);
        });

        var history = (await sandbox.Data(History, new { gid = company.Gid() }))["identityHistory"]!.AsArray();
        Assert.Equal(correlationId, history[1]!["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task as_of_an_instant_the_identity_is_rebuilt_as_it_was_then()
    {
        var company = await sandbox.ALegalEntity("Delta Corp", "US");
        await sandbox.Data(AddName, new { input = new { gid = company.Gid(), name = new { text = "Delta Corporation", script = "Latn" } } });
        await sandbox.Data(Deactivate, new { input = new { gid = company.Gid(), reason = "Dissolved" } });
        var history = (await sandbox.Data(History, new { gid = company.Gid() }))["identityHistory"]!.AsArray();
        string At(int index) => history[index]!["recordedAt"]!.GetValue<string>();
        var beforeRegistration = InstantPattern.ExtendedIso.Format(
            InstantPattern.ExtendedIso.Parse(At(0)).Value - Duration.FromSeconds(1));

        var atRegistration = await sandbox.Data(AsOf, new { gid = company.Gid(), at = At(0) });
        var afterRename = await sandbox.Data(AsOf, new { gid = company.Gid(), at = At(1) });
        var now = await sandbox.Data(AsOf, new { gid = company.Gid(), at = At(2) });
        var before = await sandbox.Data(AsOf, new { gid = company.Gid(), at = beforeRegistration });

        Given.AssertJson("""{"identityAsOf":{"version":1,"names":[{"text":"Delta Corp"}],"status":"ACTIVE"}}""", atRegistration);
        Given.AssertJson("""{"identityAsOf":{"version":2,"names":[{"text":"Delta Corp"},{"text":"Delta Corporation"}],"status":"ACTIVE"}}""", afterRename);
        Given.AssertJson("""{"identityAsOf":{"version":3,"names":[{"text":"Delta Corp"},{"text":"Delta Corporation"}],"status":"DEACTIVATED"}}""", now);
        Given.AssertJson("""{"identityAsOf":null}""", before);
    }

    [Fact]
    public async Task an_unknown_gid_has_no_history()
    {
        var data = await sandbox.Data(History, new { gid = GidSandbox.Identities.Gid.NewGid().Value });

        Given.AssertJson("""{"identityHistory":null}""", data);
    }
}
