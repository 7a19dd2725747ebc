using BaliProcess.Web.Features.Changes;

namespace BaliProcess.Web.UnitTests.Changes;

/// <summary>
/// A revision's before and after (JSON in the seed-data shape) read as fields a person compares (decision 0028): only the
/// fields that changed, nested lists named by their elements' labels, long text as the words removed and added.
/// </summary>
public sealed class FieldDiffTests
{
    private const string Before = """
        {"slug":"s","title":"Co-Chairs' Statement","date":"2017-05","sources":[{"document":"a.pdf","location":"page 1"}],
         "paragraphs":[{"label":"1","text":"The members agreed to strengthen cooperation on trafficking in persons across the region.","themes":["victim-protection"]},
                       {"label":"2","text":"Short.","themes":[]}]}
        """;

    private const string After = """
        {"slug":"s","title":"Co-Chairs’ Statement","date":"2017-05","sources":[{"document":"a.pdf","location":"page 1"}],
         "paragraphs":[{"label":"1","text":"The members agreed to deepen cooperation on trafficking in persons and people smuggling across the region.","themes":["victim-protection","law-enforcement"]},
                       {"label":"2","text":"Short.","themes":[]}],
         "publishedBy":"Reviewer"}
        """;

    [Fact]
    public void Only_changed_fields_are_listed_nested_lists_named_by_label_and_long_text_as_words_removed_and_added()
    {
        var changes = FieldDiff.Between(Before, After);

        Assert.Equal(["title", "paragraph 1: text", "paragraph 1: themes", "published by"], changes.Select(c => c.Field));
        Assert.Equal(("Co-Chairs' Statement", "Co-Chairs’ Statement"), (changes[0].Before, changes[0].After));
        Assert.False(changes[0].IsLongText);
        Assert.Equal(("victim-protection", "victim-protection, law-enforcement"), (changes[2].Before, changes[2].After));
        Assert.Equal((null, "Reviewer"), (changes[3].Before, changes[3].After));

        var text = changes[1];
        Assert.True(text.IsLongText);
        var runs = FieldDiff.Words(text.Before, text.After);
        Assert.Equal(text.Before, string.Concat(runs.Where(r => r.Change != WordChange.Added).Select(r => r.Text)));
        Assert.Equal(text.After, string.Concat(runs.Where(r => r.Change != WordChange.Removed).Select(r => r.Text)));
        Assert.Equal(["strengthen"], runs.Where(r => r.Change == WordChange.Removed).Select(r => r.Text.Trim()));
        Assert.Contains(runs, r => r.Change == WordChange.Added && r.Text.Contains("deepen", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Change == WordChange.Added && r.Text.Contains("people smuggling", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Change == WordChange.Kept && r.Text.Contains("cooperation on trafficking in persons", StringComparison.Ordinal));

        Assert.Equal("changed title, paragraph 1: text, paragraph 1: themes and 1 more field", FieldDiff.Summary(changes, newRecord: false));
    }

    [Fact]
    public void A_new_record_lists_every_field_and_a_removed_field_shows_its_old_value()
    {
        var added = FieldDiff.Between(null, After);
        Assert.Contains(added, c => c.Field == "source a.pdf: location" && c.Before is null && c.After == "page 1");
        Assert.Contains(added, c => c.Field == "paragraph 2: text" && c.After == "Short.");
        Assert.Equal("new record", FieldDiff.Summary(added, newRecord: true));

        var removed = FieldDiff.Between("""{"title":"A","place":"Bali"}""", """{"title":"A"}""");
        Assert.Equal(("place", "Bali", (string?)null), (Assert.Single(removed).Field, removed[0].Before, removed[0].After));
        Assert.Empty(FieldDiff.Between(After, After));
    }
}
