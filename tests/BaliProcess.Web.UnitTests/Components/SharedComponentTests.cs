using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using Bunit;

namespace BaliProcess.Web.UnitTests.Components;

public sealed class SharedComponentTests : ComponentTestContext
{
    private static PartialDate Date(string iso) => PartialDate.TryParse(iso, out var d) ? d : throw new ArgumentException(iso);

    [Theory]
    [InlineData("2003-04", null, "April 2003")]
    [InlineData("2003", null, "2003")]
    [InlineData("2012-05-28", "2012-05-30", "28–30 May 2012")]
    [InlineData("2017-08-24", "2017-08-25", "24–25 August 2017")]
    public void A_date_range_shows_the_precision_the_documents_give(string start, string? end, string expected)
    {
        var cut = Render<DateRange>(p => p.Add(x => x.Start, Date(start)).Add(x => x.End, end is null ? null : Date(end)));

        var time = cut.Find("time");
        Assert.Equal(expected, time.TextContent);
        Assert.Equal(start, time.GetAttribute("datetime"));
    }

    [Fact]
    public void A_month_is_never_shown_as_its_first_day()
    {
        var cut = Render<DateRange>(p => p.Add(x => x.Start, Date("2003-04")));
        Assert.DoesNotContain("1 April", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_progress_summary_counts_items_by_status()
    {
        ActionItemStatus[] statuses =
        [
            ActionItemStatus.Ongoing, ActionItemStatus.Ongoing, ActionItemStatus.Complete, ActionItemStatus.Complete,
            ActionItemStatus.Continuing, ActionItemStatus.Complete, ActionItemStatus.ForAction, ActionItemStatus.ForAction,
            ActionItemStatus.Continuing, ActionItemStatus.ForAction,
        ];
        var cut = Render<ProgressSummary>(p => p.Add(x => x.Statuses, statuses));

        var text = cut.Find("p").TextContent;
        Assert.Contains("3 of 10", text, StringComparison.Ordinal);
        Assert.Contains("(30%)", text, StringComparison.Ordinal);
        Assert.Contains("3 for action", text, StringComparison.Ordinal);
        Assert.Contains("2 ongoing", text, StringComparison.Ordinal);
        Assert.Contains("2 continuing", text, StringComparison.Ordinal);
        Assert.Contains("3 complete", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_work_plan_shows_zero_without_dividing_by_zero()
    {
        var cut = Render<ProgressSummary>(p => p.Add(x => x.Statuses, Array.Empty<ActionItemStatus>()));
        Assert.Contains("0 of 0", cut.Find("p").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pager_keeps_the_filters_and_hides_on_a_single_page()
    {
        var cut = Render<Pager>(p => p.Add(x => x.Page, 2).Add(x => x.TotalPages, 3).Add(x => x.UrlFor, n => $"/meetings?kind=Workshop&page={n}"));
        Assert.Equal("/meetings?kind=Workshop&page=1", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/meetings?kind=Workshop&page=3", cut.Find("a[rel=next]").GetAttribute("href"));

        var single = Render<Pager>(p => p.Add(x => x.Page, 1).Add(x => x.TotalPages, 1).Add(x => x.UrlFor, n => $"?page={n}"));
        Assert.Empty(single.FindAll("nav"));
    }

    [Fact]
    public void A_disagreement_shows_every_value_with_its_source()
    {
        var disagreement = new Disagreement
        {
            Subject = "meeting:x",
            Field = "start date",
            Description = "The heading and the first sentence differ.",
            Values =
            [
                new DisagreeingValue { Value = "25 May 2017", Source = new SourceReference { Document = "003_f496830a861f9ea6.txt", Location = "heading" } },
                new DisagreeingValue { Value = "26 May 2017", Source = new SourceReference { Document = "003_f496830a861f9ea6.txt", Location = "paragraph 1" } },
            ],
        };
        var cut = Render<DisagreementNotes>(p => p.Add(x => x.Items, [disagreement]));

        var items = cut.FindAll("li");
        Assert.Equal(2, items.Count);
        Assert.Contains("25 May 2017", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("heading", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("paragraph 1", items[1].TextContent, StringComparison.Ordinal);
        // The document by its title and issuer, linked to its page; never by its file name (issue 19).
        Assert.Contains("Co-Chairs’ Statement: Third Annual Meeting", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Co-Chairs of the Working Group", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("/sources/003-tip-working-group-third-meeting-2017", items[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.DoesNotContain(".txt", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_the_record_does_not_list_keeps_its_file_name()
    {
        var cut = Render<SourceNote>(p => p.Add(x => x.Sources, [new SourceReference { Document = "upload-17.pdf", Location = "page 3" }]));
        Assert.Contains("upload-17.pdf, page 3", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_sources_fold_behind_a_details_element()
    {
        var sources = Enumerable.Range(1, 5).Select(i => new SourceReference { Document = "004_14e3ad4cbde5a5fa.txt", Location = $"paragraph {i}" }).ToList();
        var cut = Render<SourceNote>(p => p.Add(x => x.Sources, sources));
        Assert.Equal(5, cut.FindAll("details li").Count);
        Assert.Contains("5 places in 1 document", cut.Find("summary").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("document(s)", cut.Markup, StringComparison.Ordinal);

        var few = Render<SourceNote>(p => p.Add(x => x.Sources, sources.Take(2).ToList()));
        Assert.Empty(few.FindAll("details"));
        Assert.Contains("paragraph 2", few.Markup, StringComparison.Ordinal);
        Assert.Contains("20 years of the Bali Process 2002 – 2022", few.Markup, StringComparison.Ordinal);
    }
}
