using System.Text;
using BaliProcess.Web.Features.OpenData;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.UnitTests.OpenData;

/// <summary>The CSV writer itself: RFC 4180 quoting, the byte-order mark, and formula neutralisation.</summary>
public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+61 2 6261 1111", "'+61 2 6261 1111")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tTabbed", "'\tTabbed")]
    [InlineData("\r=CR", "'\r=CR")]
    [InlineData("a=b", "a=b")]
    [InlineData("Türkiye", "Türkiye")]
    public void A_cell_is_written_as_is_unless_it_begins_like_a_formula(string value, string expected)
    {
        var bytes = CsvExport.Write(new CsvTable(["value"], [[value]]));
        var (_, rows) = ParseCsv(bytes);
        Assert.Equal(expected, Assert.Single(rows)["value"]);
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_survive_a_round_trip_and_the_file_starts_with_a_bom()
    {
        var tricky = "He said \"yes\", then\r\nleft; “Viet Nam”";
        var bytes = CsvExport.Write(new CsvTable(["a", "b"], [[tricky, null]]));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.EndsWith("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var (header, rows) = ParseCsv(bytes);
        Assert.Equal(["a", "b"], header);
        Assert.Equal(tricky, rows[0]["a"]);
        Assert.Equal("", rows[0]["b"]);
    }
}
