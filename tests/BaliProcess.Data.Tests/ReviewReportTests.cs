using BaliProcess.Data.Seeding;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

/// <summary>The review report lists every open question and disagreement with its sources, straight from seed-data/.</summary>
[Trait(TestCategory.Name, TestCategory.Unit)]
public sealed class ReviewReportTests
{
    [Fact]
    public void The_report_lists_open_questions_and_disagreements_with_their_sources()
    {
        var report = ReviewReport.Write(TestPaths.SeedDirectory);

        Assert.DoesNotContain("PROBLEM", report, StringComparison.Ordinal);
        Assert.Contains("- mechanism:working-group-disruption / co-chairs (Malaysia)", report, StringComparison.Ordinal);
        Assert.Contains("    source: 003_f496830a861f9ea6.txt, paragraph 3 (unnumbered in the document)", report, StringComparison.Ordinal);
        Assert.Contains("- meeting:ad-hoc-group-senior-officials-meeting-16 / possible identity", report, StringComparison.Ordinal);
        Assert.Contains("value: 17th Steering Group Senior Officials Meeting, Bali, Indonesia, 5–6 December 2022  [004_14e3ad4cbde5a5fa.txt, photo caption, Introduction]", report, StringComparison.Ordinal);
        Assert.Contains("statement:tip-working-group-third-meeting-2017-co-chairs-statement: 18 of 18 paragraphs", report, StringComparison.Ordinal);

        // The portal's own additions (decision 0025).
        Assert.Contains("    united-kingdom: UK", report, StringComparison.Ordinal);
        Assert.Contains("    document:tip-working-group-terms-of-reference: [Terms of Reference of the Working Group on Trafficking in Persons]", report, StringComparison.Ordinal);
        Assert.Contains("- 7 work-plan item numbers given by the portal", report, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_open_question_appears_in_the_report_and_a_broken_seed_is_flagged()
    {
        var copy = TestPaths.CopySeedDirectory();
        try
        {
            var path = Path.Combine(copy, "open-questions.json");
            var text = File.ReadAllText(path).TrimEnd().TrimEnd(']');
            File.WriteAllText(path, text + """
                , { "subject": "meeting:andaman-sea-crisis-2015", "field": "test field", "description": "A question added by the test.",
                    "source": { "document": "004_14e3ad4cbde5a5fa.txt", "location": "Developments from 2013–2019" } },
                  { "subject": "meeting:no-such-meeting", "field": "x", "description": "y", "source": { "document": "004_14e3ad4cbde5a5fa.txt", "location": "z" } } ]
                """);

            var report = ReviewReport.Write(copy);

            Assert.Contains("- meeting:andaman-sea-crisis-2015 / test field", report, StringComparison.Ordinal);
            Assert.Contains("A question added by the test.", report, StringComparison.Ordinal);
            Assert.Contains("PROBLEM", report, StringComparison.Ordinal);
            Assert.Contains("subject refers to meeting 'no-such-meeting'", report, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
