using GidSandbox.Identities;
using GidSandbox.Matching.Csv;

namespace GidSandbox.Tests.Matching;

public class MatchCsvTests
{
    [Fact]
    public void an_offices_csv_becomes_match_records_with_quoted_commas_several_names_and_an_identifier()
    {
        const string csv = "reference,names,kind,country,identifier_scheme,identifier_issuer,identifier_value\r\n"
            + "A-1,\"Acme, Inc.\",legal_entity,us,,,\r\n"
            + "A-2,山田太郎 | Taro Yamada,NATURAL_PERSON,JP,applicant-number,JP,520000123\n"
            + ",,,,,,\n";

        var records = MatchCsv.ReadRecords(new StringReader(csv));

        Assert.Equal(2, records.Count);
        Assert.Equal(("A-1", IdentityKind.LegalEntity, "US"), (records[0].Reference, records[0].Kind!.Value, records[0].Country!));
        Assert.Equal(["Acme, Inc."], records[0].Names);
        Assert.Equal(["山田太郎", "Taro Yamada"], records[1].Names);
        Assert.Equal(("applicant-number", "JP", "520000123"), (records[1].Identifiers![0].Scheme, records[1].Identifiers![0].Issuer, records[1].Identifiers![0].Value));
    }

    [Fact]
    public void fields_with_commas_quotes_or_line_breaks_are_quoted_on_the_way_out() =>
        Assert.Equal(["plain", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\""], new[] { "plain", "a, b", "say \"hi\"", "two\nlines" }.Select(MatchCsv.Quote));
}
