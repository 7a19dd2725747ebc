using BaliProcess.Web.Features.Sources.Adding;
using BaliProcess.Web.Features.Statements.Adding;
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

    /// <summary>
    /// A page break alone does not start a paragraph: one whose full-width line ends a page runs on over it, one whose short
    /// last line ends a page does not (003's statement as a PDF split 19 ways, not 18). The line spacing is the document's:
    /// on page 2 alone, two of its three gaps are paragraph gaps.
    /// </summary>
    [Fact]
    public void A_paragraph_that_runs_over_a_page_break_is_one_paragraph_and_one_that_ends_with_its_page_is_not()
    {
        var pdf = SourceTestFiles.Pdf(
            "Members welcomed the new co-chairs of the Regional Support Office to their first meeting of the\ngroup. They reported on the activities of the office over the last year, including the Regional",
            "Roadmap website, which fulfils an action item of the Forward Work Plan for the years 2015 to 17.\n\nMembers agreed to a range of priorities and action items for the Forward Work Plan for the years\nfrom 2017 to 19, including:\n\ntackling corruption as a key facilitator of human trafficking, and",
            "strengthening international cooperation to support investigation of human trafficking.\n\nThe Co-Chairs noted that the updated Forward Work Plan would be circulated to members for their\ncomments.",
            "The Co-Chairs thanked members for their participation in the meeting held in Bali this year.");

        var read = SourceFileReader.Read(pdf, "statement.pdf", new SourceFileOptions());
        var offered = StatementSplitter.WithPageMarkers(read.File!.Text);
        var split = StatementSplitter.Split(offered);

        Assert.Contains("including the Regional\n[page 2]\nRoadmap website", offered, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "2a", "2b", "3", "4"], split.Select(p => p.Label));
        Assert.Equal([1, 2, 2, 3, 3, 4], split.Select(p => p.Page ?? 0));
        Assert.Equal(
            "Members welcomed the new co-chairs of the Regional Support Office to their first meeting of the group. They reported on the activities of the office over the last year, including the Regional Roadmap website, which fulfils an action item of the Forward Work Plan for the years 2015 to 17.",
            split[0].Text);
        Assert.Equal(split.Select(p => (p.Label, p.Text, p.Page)), StatementSplitter.Split(read.File.Text).Select(p => (p.Label, p.Text, p.Page)));
    }
}
