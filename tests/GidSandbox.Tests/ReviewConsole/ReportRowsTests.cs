using System.Text.Json;
using System.Text.Json.Nodes;
using GidSandbox.ReviewConsole;
using GidSandbox.ReviewConsole.Dashboards;

namespace GidSandbox.Tests.ReviewConsole;

/// <summary>The dashboards read a report's rows once, into records: a field the query left out is an error, never a zero.</summary>
public sealed class ReportRowsTests
{
    private static ApiAnswer Answer(string data) => new(JsonNode.Parse(data)!.AsObject(), []);

    [Fact]
    public void rows_are_read_into_records()
    {
        var rows = Dashboards.Rows<Participant>(Answer("""{ "termsAcceptanceReport": [{ "office": "EP", "role": "OFFICE" }, { "office": "INTA", "role": "ASSOCIATION" }] }"""), "termsAcceptanceReport");

        Assert.Equal([new Participant("EP", "OFFICE"), new Participant("INTA", "ASSOCIATION")], rows);
    }

    [Fact]
    public void a_field_the_query_did_not_ask_for_fails_with_its_name()
    {
        var error = Assert.Throws<JsonException>(() => Dashboards.Rows<Participant>(Answer("""{ "termsAcceptanceReport": [{ "office": "EP" }] }"""), "termsAcceptanceReport"));

        Assert.Contains("'role'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_null_where_the_row_has_none_fails_with_its_name()
    {
        var error = Assert.Throws<JsonException>(() => Dashboards.Rows<Participant>(Answer("""{ "termsAcceptanceReport": [{ "office": null, "role": "OFFICE" }] }"""), "termsAcceptanceReport"));

        Assert.Contains("office", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void a_report_the_api_refused_has_no_rows()
    {
        var refused = new ApiAnswer([], [new ApiError("BAD_USER_INPUT", "from is after to.")]);

        Assert.Empty(Dashboards.Rows<Participant>(refused, "usageReport"));
    }
}
