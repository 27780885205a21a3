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

        var (records, bad) = MatchCsv.Read(new StringReader(csv));

        Assert.Empty(bad);
        Assert.Equal(2, records.Count);
        Assert.Equal(("A-1", IdentityKind.LegalEntity, "US"), (records[0].Reference, records[0].Query.Kind!.Value, records[0].Query.Country!));
        Assert.Equal(["Acme, Inc."], records[0].Query.Names);
        Assert.Equal(["山田太郎", "Taro Yamada"], records[1].Query.Names);
        Assert.Equal(("applicant-number", "JP", "520000123"), (records[1].Query.Identifiers[0].Scheme, records[1].Query.Identifiers[0].Issuer, records[1].Query.Identifiers[0].Value));
    }

    [Fact]
    public void each_bad_row_is_named_by_the_line_it_starts_on_and_the_good_rows_around_it_are_kept_even_after_a_field_spanning_lines()
    {
        const string csv = "reference,names,kind,country\n"
            + "A-1,Acme Holdings,legal_entity,US\n"
            + "B-1,,legal_entity,US\n"
            + "A-2,\"Two\r\nLines Ltd\",legal_entity,GB\n"
            + "B-2,Zeta,company,XX\n"
            + "B-3,Acme, Inc.,legal_entity,US\n"
            + "\n"
            + "A-3,Taro Yamada,natural_person,jp\n"
            + "B-4,\"Unclosed,legal_entity,US\n";

        var (records, bad) = MatchCsv.Read(new StringReader(csv));

        Assert.Equal(["A-1", "A-3"], records.Select(r => r.Reference));
        Assert.Equal([3, 4, 6, 7, 10], bad.Select(b => b.Line));
        Assert.StartsWith("names: Give 1 to 10 names", bad[0].Problem, StringComparison.Ordinal);
        Assert.StartsWith("names[0]: ", bad[1].Problem, StringComparison.Ordinal);
        Assert.Contains("kind: 'company' is not a kind", bad[2].Problem, StringComparison.Ordinal);
        Assert.Contains("country: 'XX' is not an ISO 3166-1 alpha-2 country code", bad[2].Problem, StringComparison.Ordinal);
        Assert.Contains("5 fields, but the header names 4 columns", bad[3].Problem, StringComparison.Ordinal);
        Assert.Contains("not closed", bad[4].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_file_whose_header_has_no_names_column_is_refused_at_line_one() =>
        Assert.Equal([new MatchCsv.BadRow(1, "The header row has no names column; it must name the columns: reference,names,kind,country,identifier_scheme,identifier_issuer,identifier_value.")],
            MatchCsv.Read(new StringReader("ref;names;kind\nA-1;Acme;legal_entity\n")).Bad);

    [Fact]
    public void fields_with_commas_quotes_or_line_breaks_are_quoted_on_the_way_out() =>
        Assert.Equal(["plain", "\"a, b\"", "\"say \"\"hi\"\"\"", "\"two\nlines\""], new[] { "plain", "a, b", "say \"hi\"", "two\nlines" }.Select(MatchCsv.Quote));
}
