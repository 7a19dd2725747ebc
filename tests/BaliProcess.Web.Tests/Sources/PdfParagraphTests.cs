using BaliProcess.Web.Features.Sources.Adding;
using UglyToad.PdfPig;

namespace BaliProcess.Web.Tests.Sources;

/// <summary>A PDF's paragraph gaps (a vertical gap larger than the line spacing) come back as blank lines (decision 0036).</summary>
public sealed class PdfParagraphTests
{
    [Fact]
    public void A_gap_between_lines_larger_than_the_line_spacing_is_a_blank_line()
    {
        var pdf = SourceTestFiles.Pdf("First paragraph, line one\nline two\n\nSecond paragraph\n\nThird, one line\nand another");
        using var document = PdfDocument.Open(pdf);

        var text = SourceFileReader.PageText(document.GetPage(1));

        Assert.Equal("First paragraph, line one\nline two\n\nSecond paragraph\n\nThird, one line\nand another", text);
    }
}
