using System.Text.Json;
using BaliProcess.Web.Features.Statements.Adding;

namespace BaliProcess.Web.UnitTests.Statements;

/// <summary>
/// The splitter on the real texts of the two co-chairs' statements in /work/shared/seeds, trimmed as staff trim them
/// (from the first paragraph to the last), against the paragraphs seed-data/ holds for them: the same labels, the
/// same "unnumbered"/"unlettered" marks, the same locations and the same words.
/// </summary>
public sealed class StatementSplitterTests
{
    [Fact]
    public void The_2017_working_group_statement_splits_into_its_eleven_unnumbered_paragraphs_and_seven_bullets_as_seeded()
    {
        var text = Between(Seed("003_f496830a861f9ea6.txt"), "On 26 May 2017", "the first half of 2018.");

        var split = StatementSplitter.Split(text);

        AssertSameAsSeeded(split, "tip-working-group-third-meeting-2017-co-chairs-statement.json");
        Assert.Equal(["10", "10a", "10b", "10c", "10d", "10e", "10f", "10g", "11"], split.Skip(9).Select(p => p.Label));
        Assert.All(split, p => Assert.True(p.LabelAddedByPortal));
    }

    [Fact]
    public void The_2023_ministerial_statement_splits_into_paragraphs_1_to_20_with_15a_to_15f_as_seeded()
    {
        var text = Between(Seed("004_14e3ad4cbde5a5fa.txt"), "1\n\nThe Eighth Ministerial Conference", "administrative support provided by IOM.");

        var split = StatementSplitter.Split(text);

        AssertSameAsSeeded(split, "eighth-ministerial-conference-2023-co-chairs-statement.json");
        Assert.Equal(26, split.Count);
        Assert.All(split, p => Assert.False(p.LabelAddedByPortal));
        Assert.Equal("paragraph 15(c)", split.Single(p => p.Label == "15c").Location);
    }

    [Fact]
    public void Form_feeds_and_page_lines_give_each_paragraph_its_page()
    {
        var text = "1. Ministers met in Bali.\n\n2. They agreed a plan, including:\n(a) one thing;\f(b) another.\n\n3. They will meet again.";

        var split = StatementSplitter.Split(text);

        Assert.Equal(["1", "2", "2a", "2b", "3"], split.Select(p => p.Label));
        Assert.Equal([1, 1, 1, 2, 2], split.Select(p => p.Page ?? 0));
        Assert.Equal("paragraph 2(b), page 2", split[3].Location);
        Assert.Equal(split.Select(p => (p.Label, p.Page)), StatementSplitter.Split(StatementSplitter.WithPageMarkers(text)).Select(p => (p.Label, p.Page)));
    }

    [Fact]
    public void A_number_inside_a_block_stays_text_unless_it_is_the_next_numbered_paragraph()
    {
        var text = "1. Members commended the results, with over\n10 arrests in the region.\n2. Members agreed to meet.";

        var split = StatementSplitter.Split(text);

        Assert.Equal(["1", "2"], split.Select(p => p.Label));
        Assert.Equal("Members commended the results, with over 10 arrests in the region.", split[0].Text);
        Assert.Null(split[0].Page);
    }

    [Fact]
    public void Unnumbered_paragraphs_before_numbered_ones_are_introductory_and_a_repeated_number_is_kept_apart()
    {
        var split = StatementSplitter.Split("The Forum met in Bangkok.\n\n1. It agreed.\n\n1. It agreed again.");

        Assert.Equal(["intro-1", "1", "1-2"], split.Select(p => p.Label));
        Assert.Equal([true, false, true], split.Select(p => p.LabelAddedByPortal));
        Assert.Empty(StatementSplitter.Split(" \n\n "));
    }

    private static void AssertSameAsSeeded(IReadOnlyList<SplitParagraph> split, string seedFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "seed-data", "statements", seedFile)));
        var seeded = json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => (
            Label: p.GetProperty("label").GetString()!,
            Added: p.TryGetProperty("labelAddedByPortal", out var a) && a.GetBoolean(),
            Location: p.GetProperty("location").GetString()!,
            Text: p.GetProperty("text").GetString()!)).ToList();
        Assert.Equal(seeded.Select(p => p.Label), split.Select(p => p.Label));
        Assert.Equal(seeded.Select(p => p.Added), split.Select(p => p.LabelAddedByPortal));
        Assert.Equal(seeded.Select(p => p.Location), split.Select(p => p.Location));
        foreach (var (s, p) in seeded.Zip(split))
        {
            Assert.Equal(Words(s.Text), Words(p.Text));
        }
    }

    /// <summary>The words, ignoring how spaces fall around dashes and punctuation (the seed's editors tidied those).</summary>
    private static string Words(string text) =>
        string.Join(' ', text.Replace('–', '-').Replace(" -", "-", StringComparison.Ordinal).Replace("- ", "-", StringComparison.Ordinal)
            .Split([' '], StringSplitOptions.RemoveEmptyEntries));

    private static string Between(string text, string from, string through)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        var end = text.IndexOf(through, start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{from} … {through} not found");
        return text[start..(end + through.Length)];
    }

    private static string Seed(string name) => File.ReadAllText(Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "seeds", name)));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BaliProcess.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BaliProcess.sln not found above " + AppContext.BaseDirectory);
    }
}
