using BaliProcess.Data.Corrections;
using BaliProcess.Data.Model;

namespace BaliProcess.Web.UnitTests.Corrections;

/// <summary>The correctable-fields map (decision 0030) reads and writes fields as the form shows them, refusing bad values.</summary>
public sealed class CorrectableFieldTests
{
    [Theory]
    [InlineData("2015–17", 2015, 2017)]
    [InlineData("2017-2019", 2017, 2019)]
    [InlineData("1999–01", 1999, 2001)]
    public async Task A_period_sets_its_first_and_last_year(string period, int start, int end)
    {
        var plan = new WorkPlan { Slug = "p", Title = "t", Period = "2000–01" };
        Assert.Null(await Field("work-plan", "period").Write(null!, plan, period, CancellationToken.None));
        Assert.Equal((period, start, end), (plan.Period, plan.StartYear, plan.EndYear));
    }

    [Theory]
    [InlineData("work-plan", "period", "2015")]
    [InlineData("work-plan", "period", "2017–15")]
    [InlineData("work-plan", "period", "soon")]
    [InlineData("meeting", "start", "May 2017")]
    [InlineData("meeting", "start", null)]
    [InlineData("meeting", "end", "2017-13")]
    [InlineData("source", "date", "1980")]
    public async Task A_bad_value_is_refused_with_a_message_and_nothing_is_set(string kind, string field, string? value)
    {
        var record = kind switch
        {
            "work-plan" => (object)new WorkPlan { Slug = "p", Title = "t", Period = "2000–01", StartYear = 2000, EndYear = 2001 },
            "meeting" => new Meeting { Slug = "m", Title = "t", StartDate = new DateOnly(2017, 5, 1), StartPrecision = DatePrecision.Month },
            _ => new SourceDocument { Slug = "d", FileName = "d.txt", Title = "t" },
        };
        var before = Field(kind, field).Read(record);

        Assert.NotNull(await Field(kind, field).Write(null!, record, value, CancellationToken.None));
        Assert.Equal(before, Field(kind, field).Read(record));
    }

    [Fact]
    public async Task Dates_are_read_and_written_at_their_precision()
    {
        var meeting = new Meeting { Slug = "m", Title = "t", StartDate = new DateOnly(2017, 5, 1), StartPrecision = DatePrecision.Month };
        Assert.Equal("2017-05", Field("meeting", "start").Read(meeting));
        Assert.Null(await Field("meeting", "start").Write(null!, meeting, "2017-05-25", CancellationToken.None));
        Assert.Equal((new DateOnly(2017, 5, 25), DatePrecision.Day), (meeting.StartDate, meeting.StartPrecision));
        Assert.Null(await Field("meeting", "end").Write(null!, meeting, null, CancellationToken.None));
        Assert.Null(meeting.End);
        Assert.All(CorrectableRecords.All, k => Assert.Same(k, CorrectableRecords.Kind(k.Name)));
        // Every kind is withdrawn rather than deleted but a paragraph (part of its statement's numbered text) and a
        // participant (everything else hangs on it), decision 0039.
        Assert.Equal([RecordRevisionKinds.Paragraph, RecordRevisionKinds.Participant], CorrectableRecords.All.Where(k => !k.Withdrawable).Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    private static CorrectableField Field(string kind, string name) => CorrectableRecords.Kind(kind)!.Field(name)!;
}
