using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Data.Tests;

[Trait(TestCategory.Name, TestCategory.Unit)]
public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2003", "2003")]
    [InlineData("2003-04", "April 2003")]
    [InlineData("2012-05-28", "28 May 2012")]
    public void A_date_shows_only_the_precision_it_has(string iso, string shown)
    {
        Assert.True(PartialDate.TryParse(iso, out var date));
        Assert.Equal(shown, date.ToString());
        Assert.Equal(iso, date.ToIsoString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("May 2003")]
    [InlineData("2003-13")]
    [InlineData("2003-02-30")]
    [InlineData("03-04-2003")]
    public void Other_forms_are_rejected(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Theory]
    [InlineData("2012-05-28", "2012-05-30", "28–30 May 2012")]
    [InlineData("2020-10-20", "2020-10-21", "20–21 October 2020")]
    [InlineData("2016-05-31", "2016-06-01", "31 May–1 June 2016")]
    [InlineData("2015-03", "2015-04", "March–April 2015")]
    [InlineData("2023-02-10", null, "10 February 2023")]
    [InlineData("2009", "2010", "2009 – 2010")]
    public void A_range_is_written_at_the_precision_of_its_ends(string start, string? end, string shown)
    {
        Assert.True(PartialDate.TryParse(start, out var s));
        PartialDate? e = PartialDate.TryParse(end, out var parsed) ? parsed : null;
        Assert.Equal(shown, PartialDate.FormatRange(s, e));
    }

    [Fact]
    public void A_month_sorts_before_a_day_in_it_but_after_the_previous_month()
    {
        Assert.True(PartialDate.TryParse("2015-05", out var may));
        Assert.True(PartialDate.TryParse("2015-05-01", out var firstOfMay));
        Assert.True(PartialDate.TryParse("2015-04-30", out var lastOfApril));
        Assert.True(may < firstOfMay);
        Assert.True(lastOfApril < may);
    }
}
