using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace BaliProcess.Web.Tests.Components;

/// <summary>The status editor refuses what the rules refuse, says why beside the field, and keeps the text.</summary>
// MudSelect registers services that only dispose asynchronously: the context is disposed with DisposeAsync.
#pragma warning disable CA1001 // disposed in IAsyncLifetime.DisposeAsync, which xunit calls
public sealed class StatusChangeFormTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly List<StatusChangeInput> saved = [];
    private readonly BunitContext context = new();

    public StatusChangeFormTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        context.Services.AddSingleton<TimeProvider>(new FixedTime(Now));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<StatusChangeForm> RenderForm(ActionItemStatus current = ActionItemStatus.ForAction) =>
        context.Render<StatusChangeForm>(p => p
            .Add(x => x.CurrentStatus, current)
            .Add(x => x.OnSave, (StatusChangeInput input) => saved.Add(input)));

    private static async Task FillAsync(IRenderedComponent<StatusChangeForm> cut, ActionItemStatus? status, string? note, string? date)
    {
        if (status is { } s)
        {
            var select = cut.FindComponent<MudSelect<ActionItemStatus?>>();
            await cut.InvokeAsync(() => select.Instance.SelectOption(s));
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
    public async Task A_change_without_a_note_is_refused_and_not_saved()
    {
        var cut = RenderForm();
        await FillAsync(cut, ActionItemStatus.Complete, "   ", "2026-11-20");

        cut.Find("form").Submit();

        var problem = Assert.Single(Problems(cut));
        Assert.StartsWith("note: Write a note", problem, StringComparison.Ordinal);
        Assert.Empty(saved);
    }

    [Fact]
    public async Task A_note_over_2000_characters_is_refused_and_kept_in_the_field()
    {
        var cut = RenderForm();
        var longNote = new string('a', 2001);
        await FillAsync(cut, ActionItemStatus.Complete, longNote, "2026-11-20");

        cut.Find("form").Submit();

        Assert.Contains(Problems(cut), p => p.StartsWith("note: The note has 2,001 characters", StringComparison.Ordinal));
        Assert.Empty(saved);
        Assert.Equal(longNote, cut.Instance.Input.Note);
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused()
    {
        var cut = RenderForm();
        await FillAsync(cut, ActionItemStatus.Complete, "Published", "2026-11-27");

        cut.Find("form").Submit();

        Assert.Equal(["date: The date the change took effect cannot be in the future."], Problems(cut));
        Assert.Empty(saved);
    }

    [Fact]
    public async Task Today_in_the_Pacific_is_not_the_future()
    {
        var cut = RenderForm();
        await FillAsync(cut, ActionItemStatus.Complete, "Published", "2026-11-25");

        cut.Find("form").Submit();

        Assert.Empty(Problems(cut));
        Assert.Single(saved);
    }

    [Fact]
    public async Task The_unchanged_status_is_refused()
    {
        var cut = RenderForm(ActionItemStatus.Ongoing);
        await FillAsync(cut, ActionItemStatus.Ongoing, "Still going", "2026-11-20");

        cut.Find("form").Submit();

        Assert.Equal(["status: The status is already “Ongoing”: choose a different one."], Problems(cut));
        Assert.Empty(saved);
    }

    [Fact]
    public async Task A_valid_change_is_handed_over_with_the_trimmed_values_as_typed()
    {
        var cut = RenderForm();
        await FillAsync(cut, ActionItemStatus.Discontinued, "Members agreed to drop it.", "2026-11-24");

        cut.Find("form").Submit();

        Assert.Empty(Problems(cut));
        var input = Assert.Single(saved);
        Assert.Equal(ActionItemStatus.Discontinued, input.Status);
        Assert.Equal("Members agreed to drop it.", input.Note);
        Assert.Equal(new DateOnly(2026, 11, 24), input.EffectiveDate);
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once()
    {
        var cut = RenderForm();
        await FillAsync(cut, null, "", "2030-01-01");

        cut.Find("form").Submit();

        Assert.Equal(["status", "note", "date"], Problems(cut).Select(p => p.Split(':')[0]));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
#pragma warning restore CA1001
