using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BaliProcess.Web.UnitTests.Components;

/// <summary>The status editor refuses what the rules refuse, says why beside the field, and keeps the text.</summary>
public sealed class StatusChangeFormTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly List<StatusChangeInput> saved = [];
    private readonly BunitContext context = new();

    public StatusChangeFormTests()
    {
        context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        context.Services.AddLocalization();
    }

    public void Dispose() => context.Dispose();

    private IRenderedComponent<StatusChangeForm> RenderForm(ActionItemStatus current = ActionItemStatus.ForAction) =>
        context.Render<StatusChangeForm>(p => p
            .Add(x => x.CurrentStatus, current)
            .Add(x => x.OnSave, (StatusChangeInput input) => saved.Add(input)));

    private static void Fill(IRenderedComponent<StatusChangeForm> cut, ActionItemStatus? status, string? note, string? date)
    {
        if (status is { } s)
        {
            cut.Find("#new-status").Change(s.ToString());
        }

        if (note is not null)
        {
            cut.Find("#status-note").Input(note);
        }

        if (date is not null)
        {
            cut.Find("#effective-date").Change(date);
        }
    }

    private static List<string> Problems(IRenderedComponent<StatusChangeForm> cut) =>
        [.. cut.FindAll("[role=alert] li").Select(li => li.GetAttribute("data-field") + ": " + li.TextContent)];

    [Fact]
    public void A_change_without_a_note_is_refused_and_not_saved()
    {
        var cut = RenderForm();
        Fill(cut, ActionItemStatus.Complete, "   ", "2026-11-20");

        cut.Find("form").Submit();

        var problem = Assert.Single(Problems(cut));
        Assert.StartsWith("note: Write a note", problem, StringComparison.Ordinal);
        Assert.Empty(saved);
    }

    [Fact]
    public void A_note_over_2000_characters_is_refused_and_kept_in_the_field()
    {
        var cut = RenderForm();
        var longNote = new string('a', 2001);
        Fill(cut, ActionItemStatus.Complete, longNote, "2026-11-20");

        cut.Find("form").Submit();

        Assert.Contains(Problems(cut), p => p.StartsWith("note: The note has 2,001 characters", StringComparison.Ordinal));
        Assert.Empty(saved);
        Assert.Equal(longNote, cut.Instance.Input.Note);
    }

    [Fact]
    public void A_date_in_the_future_is_refused()
    {
        var cut = RenderForm();
        Fill(cut, ActionItemStatus.Complete, "Published", "2026-11-27");

        cut.Find("form").Submit();

        Assert.Equal(["date: The date the change took effect cannot be in the future."], Problems(cut));
        Assert.Empty(saved);
    }

    [Fact]
    public void Today_in_the_Pacific_is_not_the_future()
    {
        var cut = RenderForm();
        Fill(cut, ActionItemStatus.Complete, "Published", "2026-11-25");

        cut.Find("form").Submit();

        Assert.Empty(Problems(cut));
        Assert.Single(saved);
    }

    [Fact]
    public void The_unchanged_status_is_refused()
    {
        var cut = RenderForm(ActionItemStatus.Ongoing);
        Fill(cut, ActionItemStatus.Ongoing, "Still going", "2026-11-20");

        cut.Find("form").Submit();

        Assert.Equal(["status: The status is already “Ongoing”: choose a different one."], Problems(cut));
        Assert.Empty(saved);
    }

    [Fact]
    public void A_valid_change_is_handed_over_with_the_trimmed_values_as_typed()
    {
        var cut = RenderForm();
        Fill(cut, ActionItemStatus.Discontinued, "Members agreed to drop it.", "2026-11-24");

        cut.Find("form").Submit();

        Assert.Empty(Problems(cut));
        var input = Assert.Single(saved);
        Assert.Equal(ActionItemStatus.Discontinued, input.Status);
        Assert.Equal("Members agreed to drop it.", input.Note);
        Assert.Equal(new DateOnly(2026, 11, 24), input.EffectiveDate);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var cut = RenderForm();
        Fill(cut, null, "", "2030-01-01");

        cut.Find("form").Submit();

        Assert.Equal(["status", "note", "date"], Problems(cut).Select(p => p.Split(':')[0]));
    }

    [Fact]
    public void The_choices_are_the_statuses_with_the_current_one_marked()
    {
        var cut = RenderForm(ActionItemStatus.Ongoing);

        var options = cut.FindAll("#new-status option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();

        Assert.Equal(("", "Choose the new status"), options[0]);
        Assert.Equal(Enum.GetValues<ActionItemStatus>().Select(s => s.ToString()), options.Skip(1).Select(o => o.Item1));
        Assert.Contains(("Ongoing", "Ongoing (current)"), options);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Complete,Ongoing")]
    [InlineData("complete")]
    [InlineData("2")]
    [InlineData(" Complete")]
    [InlineData("<script>")]
    public void A_forged_status_value_chooses_nothing_and_is_refused(string forged)
    {
        var cut = RenderForm();
        Fill(cut, null, "Published", "2026-11-20");
        cut.Find("#new-status").Change(forged);

        cut.Find("form").Submit();

        Assert.Equal(["status: Choose the new status."], Problems(cut));
        Assert.Null(cut.Instance.Input.Status);
        Assert.Empty(saved);
    }

    [Fact]
    public void In_Indonesian_the_form_and_its_refusals_are_Indonesian()
    {
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("id");
            var cut = RenderForm(ActionItemStatus.Ongoing);
            Assert.Equal("Status baru", cut.Find("label[for=new-status]").TextContent);
            Assert.Equal("Simpan perubahan", cut.Find("button[type=submit]").TextContent);
            Fill(cut, ActionItemStatus.Ongoing, "", null);
            cut.Find("form").Submit();
            Assert.Contains("Status sudah “Sedang berjalan”: pilih status lain.", cut.Markup, StringComparison.Ordinal);
            Assert.Empty(saved);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
