using System.Globalization;
using BaliProcess.Data.Model;
using BaliProcess.Web.Components.Shared;
using BaliProcess.Web.Infrastructure.Languages;

namespace BaliProcess.Web.UnitTests.Languages;

/// <summary>Addresses per language and the Indonesian forms of dates and counts (decision 0042).</summary>
public sealed class LanguageAddressTests
{
    [Theory]
    [InlineData("/", "/id")]
    [InlineData("/meetings", "/id/meetings")]
    [InlineData("/meetings?page=2", "/id/meetings?page=2")]
    [InlineData("/statements/x#p-15", "/id/statements/x#p-15")]
    [InlineData("/?q=x", "/id?q=x")]
    [InlineData("/api/v1/meetings", "/api/v1/meetings")]
    [InlineData("/download/meetings.csv", "/download/meetings.csv")]
    [InlineData("/sitemap.xml", "/sitemap.xml")]
    [InlineData("/work-plans/x/changes.atom", "/id/work-plans/x/changes.atom")]
    [InlineData("/id/meetings", "/id/meetings")]
    [InlineData("https://example.org/meetings", "https://example.org/meetings")]
    [InlineData("//example.org/x", "//example.org/x")]
    public void An_address_in_Indonesian(string english, string indonesian)
    {
        Assert.Equal(indonesian, PortalLanguage.In(PortalLanguage.Indonesian, english));
        Assert.Equal(english, PortalLanguage.In(PortalLanguage.English, english));
    }

    [Theory]
    [InlineData("/id", "/")]
    [InlineData("/id/meetings?page=2", "/meetings?page=2")]
    [InlineData("/id?q=x", "/?q=x")]
    [InlineData("/meetings", "/meetings")]
    [InlineData("/identity", "/identity")]
    public void The_language_comes_off_an_address(string address, string english) =>
        Assert.Equal(english, LanguageSuggestion.StripLanguage(address));

    [Theory]
    [InlineData("2023-02-10", "10 Februari 2023")]
    [InlineData("2018-08", "Agustus 2018")]
    [InlineData("2003", "2003")]
    public void Dates_read_as_Indonesian_writes_them(string iso, string indonesian)
    {
        var date = P(iso);
        Assert.Equal(indonesian, InCulture("id", () => date.ToString()));
    }

    [Fact]
    public void A_range_in_Indonesian_keeps_its_precision()
    {
        var range = InCulture("id", () => PartialDate.FormatRange(P("2012-05-28"), P("2012-05-30")));
        Assert.Equal("28–30 Mei 2012", range);
        Assert.Equal("28–30 May 2012", InCulture("en", () => PartialDate.FormatRange(P("2012-05-28"), P("2012-05-30"))));
    }

    [Fact]
    public void A_count_and_the_model_s_words_in_Indonesian()
    {
        Assert.Equal("lebih dari", InCulture("id", () => Words.Qualifier("over")));
        Assert.Equal("Konferensi Tingkat Menteri", InCulture("id", () => Words.Of(MeetingKind.MinisterialConference)));
        Assert.Equal("Ministerial conference", InCulture("en", () => Words.Of(MeetingKind.MinisterialConference)));
        Assert.Equal("Daring (Bangkok)", InCulture("id", () => Words.Where(true, "Bangkok")));
        // Labels stay English in every culture: they are values in the API and the downloads.
        Assert.Equal("Ministerial conference", InCulture("id", () => Labels.Of(MeetingKind.MinisterialConference)));
    }

    private static PartialDate P(string iso) => PartialDate.TryParse(iso, out var date) ? date : throw new ArgumentException(iso);

    private static string InCulture(string name, Func<string> render)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
