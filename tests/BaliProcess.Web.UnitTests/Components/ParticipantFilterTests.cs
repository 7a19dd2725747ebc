using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Participants;

namespace BaliProcess.Web.UnitTests.Components;

public sealed class ParticipantFilterTests
{
    private static readonly ParticipantRow[] Rows =
    [
        new("lao-peoples-democratic-republic", "Lao People's Democratic Republic", ["Lao PDR", "Laos"], ParticipantKind.Government, "Southeast Asia"),
        new("timor-leste", "Timor-Leste", ["Timor Leste"], ParticipantKind.Government, "Southeast Asia"),
        new("iom", "IOM", ["International Organization for Migration"], ParticipantKind.InternationalOrganisation, "International"),
        new("fiji", "Fiji", [], ParticipantKind.Government, "Pacific"),
    ];

    [Theory]
    [InlineData("laos", "lao-peoples-democratic-republic")]
    [InlineData("LAO PDR", "lao-peoples-democratic-republic")]
    [InlineData("Lao People’s", "lao-peoples-democratic-republic")]
    [InlineData("timor leste", "timor-leste")]
    [InlineData("Timor-Leste", "timor-leste")]
    [InlineData("organization for", "iom")]
    public void The_name_filter_matches_names_and_aliases(string name, string slug)
    {
        var result = new ParticipantFilter(name, null, null, ParticipantFilter.SortByName).Apply(Rows);
        Assert.Equal([slug], result.Select(r => r.Slug));
    }

    [Fact]
    public void Kind_and_region_narrow_the_list()
    {
        var governments = new ParticipantFilter(null, ParticipantKind.Government, "southeast asia", ParticipantFilter.SortByName).Apply(Rows);
        Assert.Equal(["lao-peoples-democratic-republic", "timor-leste"], governments.Select(r => r.Slug));
    }

    [Fact]
    public void Sorting_by_region_groups_then_orders_by_name()
    {
        var sorted = new ParticipantFilter(null, null, null, ParticipantFilter.SortByRegion).Apply(Rows);
        Assert.Equal(["iom", "fiji", "lao-peoples-democratic-republic", "timor-leste"], sorted.Select(r => r.Slug));
    }
}
