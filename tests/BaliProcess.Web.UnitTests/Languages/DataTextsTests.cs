using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using BaliProcess.Web.Features.Changes;
using BaliProcess.Web.Features.Search;
using BaliProcess.Web.Features.Themes;
using BaliProcess.Web.Infrastructure.Caching;

namespace BaliProcess.Web.UnitTests.Languages;

/// <summary>
/// The themes' names and descriptions in both languages, finding a theme by its name in either, the record cache
/// keeping the languages apart, and the change pages' phrases (decision 0042).
/// </summary>
public sealed class DataTextsTests
{
    private sealed record SeedTheme(string Slug, string Name, string? Description);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<List<SeedTheme>> Seed = new(() =>
        JsonSerializer.Deserialize<List<SeedTheme>>(
            File.ReadAllText(Path.Combine(TextResourceTests.RepositoryRoot(), "seed-data", "themes.json")), Json)!);

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(TextResourceTests.RepositoryRoot(), "src", "BaliProcess.Web", "Features", "Themes", file)).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void Every_seeded_theme_has_its_name_and_description_in_both_languages_and_the_English_is_the_seeds()
    {
        var english = Read("ThemeNames.resx");
        var indonesian = Read("ThemeNames.id.resx");
        Assert.NotEmpty(Seed.Value);
        foreach (var theme in Seed.Value)
        {
            Assert.Equal(theme.Name, english.GetValueOrDefault(theme.Slug));
            Assert.False(string.IsNullOrWhiteSpace(indonesian.GetValueOrDefault(theme.Slug)), $"{theme.Slug}: no Indonesian name");
            Assert.NotNull(theme.Description);
            Assert.Equal(theme.Description, english.GetValueOrDefault(theme.Slug + ".description"));
            Assert.False(string.IsNullOrWhiteSpace(indonesian.GetValueOrDefault(theme.Slug + ".description")), $"{theme.Slug}: no Indonesian description");
            Assert.NotEqual(theme.Description, indonesian[theme.Slug + ".description"]);
        }

        Assert.Equal("Menelusuri aliran dana", ThemeNames.Name("follow-the-money", CultureInfo.GetCultureInfo("id")));
        Assert.Contains("pencucian uang", InCulture("id", () => ThemeNames.Description("follow-the-money", "x")), StringComparison.Ordinal);
        Assert.Equal(Seed.Value.Single(t => t.Slug == "follow-the-money").Description, InCulture("en", () => ThemeNames.Description("follow-the-money", "x")));
    }

    [Theory]
    [InlineData("penipuan daring", "online-scams")]
    [InlineData("\"Penipuan Daring\"", "online-scams")]
    [InlineData("penipuan darng", "online-scams")]
    [InlineData("Menelusuri aliran dana", "follow-the-money")]
    [InlineData("follow the money", "follow-the-money")]
    [InlineData("Online-scams", "online-scams")]
    [InlineData("areas of cooperation", "areas-of-cooperation")]
    [InlineData("korupsi", "corruption")]
    [InlineData("trafficking", null)]
    [InlineData("money", null)]
    [InlineData("", null)]
    public void A_query_that_names_a_theme_in_either_language_is_that_theme(string query, string? slug)
    {
        var themes = Seed.Value.Select(t => new ThemeSummary(t.Slug, t.Name, t.Description, null, null, 1, 0)).ToList();
        Assert.Equal(slug, ThemeQuery.Match(query, themes)?.Slug);
    }

    [Fact]
    public async Task The_record_cache_keeps_each_languages_value_apart()
    {
        using var records = new RecordCache(new RecordGeneration(), new CacheMetrics(), new PublicCacheOptions());
        var loads = 0;
        Task<string> Load(CancellationToken _)
        {
            loads++;
            return Task.FromResult(new DateTime(2021, 3, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture));
        }

        Assert.Equal("March 2021", await InCultureAsync("en", () => records.GetOrLoadAsync("same", Load)));
        Assert.Equal("Maret 2021", await InCultureAsync("id", () => records.GetOrLoadAsync("same", Load)));
        Assert.Equal("March 2021", await InCultureAsync("en", () => records.GetOrLoadAsync("same", Load)));
        Assert.Equal(2, loads);
    }

    [Fact]
    public void A_change_is_described_in_the_pages_language_and_kept_English_as_data()
    {
        var title = new Phrase("Item {0} of {1}", "3", "Work plan of the Working Group");
        Assert.Equal("Item 3 of Work plan of the Working Group", title.ToString());
        Assert.Equal("Butir 3 dari <span lang=\"en\">Work plan of the Working Group</span>", InCulture("id", () => ChangeWords.Html(title).Value));
        var note = new Phrase("Added in the portal by {0} on {1}, reviewed and published by {2} on {3}.", "ana", new DateTimeOffset(2026, 2, 3, 4, 5, 0, TimeSpan.Zero), "ben", Phrase.UnrecordedDate);
        Assert.Equal("Added in the portal by ana on 3 February 2026 04:05 UTC, reviewed and published by ben on an unrecorded date.", note.ToString());
        Assert.Contains("3 Februari 2026 04.05 UTC", InCulture("id", () => ChangeWords.Plain(note)), StringComparison.Ordinal);
        Assert.Equal("mengubah title, text dan 2 isian lain", InCulture("id", () => ChangeWords.Summary(
            [new("title", "a", "b"), new("text", "a", "b"), new("place", "a", "b"), new("date", "a", "b")], newRecord: false, named: 2)));
        Assert.Equal("changed title", InCulture("en", () => ChangeWords.Summary([new("title", "a", "b")], newRecord: false)));
        Assert.Equal("Pernyataan", InCulture("id", () => ChangeWords.Text("Statements")));
    }

    private static T InCulture<T>(string name, Func<T> run)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static async Task<T> InCultureAsync<T>(string name, Func<Task<T>> run)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return await run();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
