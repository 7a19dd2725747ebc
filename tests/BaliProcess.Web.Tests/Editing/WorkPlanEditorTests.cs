using System.Collections.Concurrent;
using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.WorkPlans.Editing;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Tests.Editing;

/// <summary>The one write path, on a real PostgreSQL with real accounts: what lands, what is refused, and races.</summary>
[Collection(EditingCollection.Name)]
public sealed class WorkPlanEditorTests(EditingFixture fixture)
{
    [Fact]
    public async Task A_status_change_appends_exactly_one_history_entry_with_the_right_fields()
    {
        var (user, principal) = await fixture.SecretariatAsync("Ayu Lestari");
        var (_, items) = await fixture.NewPlanAsync(principal, "One change plan", 1);
        var item = items[0];
        var before = DateTimeOffset.UtcNow;

        var result = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(
            item.Id, item.Version, ActionItemStatus.Ongoing, "  Drafting committee formed in June.  ", new DateOnly(2017, 6, 30))));

        Assert.Equal(EditOutcome.Saved, result.Outcome);
        await using var db = fixture.Portal.Database.CreateContext();
        var history = await db.ActionItemStatusChanges.AsNoTracking().Where(c => c.ActionItemId == item.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(2, history.Count);
        var entry = history[1];
        Assert.Equal(result.ChangeId, entry.Id);
        Assert.Equal(ActionItemStatus.ForAction, entry.FromStatus);
        Assert.Equal(ActionItemStatus.Ongoing, entry.ToStatus);
        Assert.Equal("Drafting committee formed in June.", entry.Note);
        Assert.Equal(new PartialDate(new DateOnly(2017, 6, 30), DatePrecision.Day), entry.Effective);
        Assert.Equal("Ayu Lestari", entry.ChangedBy);
        Assert.Equal(user.Id, entry.ChangedByUserId);
        Assert.Equal(TimeSpan.Zero, entry.ChangedAt.Offset);
        Assert.InRange(entry.ChangedAt, before.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.False(entry.FromSeed);

        var now = await db.ActionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id);
        Assert.Equal(ActionItemStatus.Ongoing, now.Status);
        Assert.Equal("Drafting committee formed in June.", now.StatusText);
        Assert.NotEqual(item.Version, now.Version);
        Assert.Equal(now.Version, result.Current!.Version);
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_returns_the_other_editors_change()
    {
        var (_, first) = await fixture.SecretariatAsync("First Editor");
        var (_, second) = await fixture.SecretariatAsync("Second Editor");
        var (_, items) = await fixture.NewPlanAsync(first, "Stale save plan", 1);
        var seen = items[0];

        var landed = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(first, new StatusChangeRequest(
            seen.Id, seen.Version, ActionItemStatus.Complete, "Finished at the meeting", new DateOnly(2017, 5, 26))));
        var stale = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(second, new StatusChangeRequest(
            seen.Id, seen.Version, ActionItemStatus.Discontinued, "Dropped", new DateOnly(2017, 5, 27))));

        Assert.Equal(EditOutcome.Saved, landed.Outcome);
        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        var current = stale.Current!;
        Assert.Equal(ActionItemStatus.Complete, current.Status);
        Assert.Equal("Finished at the meeting", current.LastNote);
        Assert.Equal("First Editor", current.LastChangedBy);
        Assert.Equal(landed.Current!.Version, current.Version);

        var now = await fixture.ItemAsync(items[0].WorkPlan?.Slug ?? await PlanSlugAsync(seen.Id), seen.Number);
        Assert.Equal(ActionItemStatus.Complete, now.Status);
        Assert.Equal(2, now.StatusChanges.Count);

        // With the version the conflict returned, the second editor's change lands.
        var retried = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(second, new StatusChangeRequest(
            seen.Id, current.Version, ActionItemStatus.Discontinued, "Dropped", new DateOnly(2017, 5, 27))));
        Assert.Equal(EditOutcome.Saved, retried.Outcome);
    }

    [Fact]
    public async Task A_thousand_changes_from_20_tasks_on_5_items_each_land_with_one_entry_or_are_refused_as_conflicts()
    {
        var (_, principal) = await fixture.SecretariatAsync("Race Editor");
        var (_, items) = await fixture.NewPlanAsync(principal, "Race plan", 5);
        var statuses = Enum.GetValues<ActionItemStatus>();
        var landed = new ConcurrentBag<(int ItemId, long ChangeId, ActionItemStatus To, string Note)>();
        var refused = 0;
        var other = new ConcurrentBag<string>();
        var attempt = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 20), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (task, ct) =>
        {
            var random = new Random(task);
            for (var n = 0; n < 50; n++)
            {
                var item = items[random.Next(items.Count)];
                await using var db = fixture.Portal.Database.CreateContext();
                var seen = await db.ActionItems.AsNoTracking().Where(i => i.Id == item.Id).Select(i => new { i.Version, i.Status }).SingleAsync(ct);
                var to = statuses.Where(s => s != seen.Status).ElementAt(random.Next(statuses.Length - 1));
                var note = $"attempt {Interlocked.Increment(ref attempt)} by task {task}";
                var result = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, seen.Version, to, note, new DateOnly(2018, 1, 1)), ct));
                switch (result.Outcome)
                {
                    case EditOutcome.Saved:
                        landed.Add((item.Id, result.ChangeId!.Value, to, note));
                        break;
                    case EditOutcome.Conflict:
                        Interlocked.Increment(ref refused);
                        break;
                    default:
                        other.Add($"{result.Outcome}: {string.Join("; ", result.Problems.Select(p => p.Message))}");
                        break;
                }
            }
        });

        Assert.Empty(other);
        Assert.Equal(1000, landed.Count + refused);
        Assert.True(refused > 0, "20 tasks on 5 items should collide at least once");
        Assert.True(landed.Count >= 5, $"only {landed.Count} changes landed");

        await using var check = fixture.Portal.Database.CreateContext();
        var ids = items.Select(i => i.Id).ToList();
        var history = await check.ActionItemStatusChanges.AsNoTracking().Where(c => ids.Contains(c.ActionItemId) && c.Note.StartsWith("attempt "))
            .Select(c => new { c.Id, c.ActionItemId, c.ToStatus, c.Note, c.FromStatus }).ToListAsync();

        // Every landed attempt has exactly one entry, and nothing else is in the history: none landed silently.
        Assert.Equal(landed.Select(l => l.Note).Order(StringComparer.Ordinal), history.Select(h => h.Note).Order(StringComparer.Ordinal));
        Assert.Equal(landed.Select(l => l.ChangeId).Order(), history.Select(h => h.Id).Order());

        var final = await check.ActionItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        foreach (var group in history.GroupBy(h => h.ActionItemId))
        {
            var chain = group.OrderBy(h => h.Id).ToList();
            Assert.Equal(chain[^1].ToStatus, final[group.Key].Status);
            Assert.Equal(chain[^1].Note, final[group.Key].StatusText);

            // Each entry starts where the previous landed change ended: no change was based on a stale status.
            for (var i = 1; i < chain.Count; i++)
            {
                Assert.Equal(chain[i - 1].ToStatus, chain[i].FromStatus);
            }
        }
    }

    public static TheoryData<string> Callers => ["anonymous", "no account", "no role", "disabled", "unknown account"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task A_caller_who_may_not_edit_is_refused_for_every_write_nothing_is_written_and_it_is_logged(string caller)
    {
        var (_, editor) = await fixture.SecretariatAsync();
        var (planSlug, items) = await fixture.NewPlanAsync(editor, $"Refusal plan {caller}", 1);
        var item = items[0];
        ClaimsPrincipal? principal = caller switch
        {
            "anonymous" => new ClaimsPrincipal(new ClaimsIdentity()),
            "no account" => null,
            "no role" => (await fixture.AccountAsync("")).Principal,
            "disabled" => (await fixture.AccountAsync(Features.Accounts.PortalRoles.Secretariat, disabled: true)).Principal,
            _ => new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, "Secretariat")], "forged")),
        };
        await using var db = fixture.Portal.Database.CreateContext();
        var paragraphId = await db.Paragraphs.Where(p => p.Statement!.Slug == "tip-working-group-third-meeting-2017-co-chairs-statement" && p.Label == "10d").Select(p => p.Id).SingleAsync();
        var historyBefore = await db.ActionItemStatusChanges.CountAsync();
        var plansBefore = await db.WorkPlans.CountAsync();
        var logBefore = fixture.Portal.LogMessages.Count(m => m.StartsWith("Refused", StringComparison.Ordinal));

        var results = new[]
        {
            await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Complete, "Done", new DateOnly(2018, 1, 1)))),
            await fixture.WithEditorAsync(e => e.AddItemAsync(principal, new AddItemRequest(item.WorkPlanId, null, "Sneaked in", ActionItemStatus.ForAction, "x", new DateOnly(2018, 1, 1)))),
            await fixture.WithEditorAsync(e => e.CreateWorkPlanAsync(principal, new NewWorkPlanRequest("working-group-trafficking-in-persons", "Sneaky plan", "2019–21", 2019, 2021, null))),
            await fixture.WithEditorAsync(e => e.LinkParagraphAsync(principal, item.Id, paragraphId)),
            await fixture.WithEditorAsync(e => e.LinkThemeAsync(principal, item.Id, "corruption")),
        };

        Assert.All(results, r => Assert.Equal(EditOutcome.Refused, r.Outcome));
        var expected = caller switch
        {
            "anonymous" or "no account" => RefusalReason.Anonymous,
            "no role" => RefusalReason.WrongRole,
            "disabled" => RefusalReason.Disabled,
            _ => RefusalReason.UnknownAccount,
        };
        Assert.All(results, r => Assert.Equal(expected, r.Refusal));

        await using var check = fixture.Portal.Database.CreateContext();
        Assert.Equal(historyBefore, await check.ActionItemStatusChanges.CountAsync());
        Assert.Equal(plansBefore, await check.WorkPlans.CountAsync());
        var now = await fixture.ItemAsync(planSlug, item.Number);
        Assert.Equal(ActionItemStatus.ForAction, now.Status);
        Assert.Equal(item.Version, now.Version);
        Assert.Empty(now.ParagraphLinks);
        Assert.Empty(now.Themes);
        Assert.Single(await check.ActionItems.Where(i => i.WorkPlanId == item.WorkPlanId).ToListAsync());
        Assert.Equal(logBefore + results.Length, fixture.Portal.LogMessages.Count(m => m.StartsWith("Refused", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_service_enforces_the_rules_itself()
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var (_, items) = await fixture.NewPlanAsync(principal, "Rules plan", 1);
        var item = items[0];

        var results = new[]
        {
            await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Complete, "   ", new DateOnly(2018, 1, 1)))),
            await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Complete, new string('x', 2001), new DateOnly(2018, 1, 1)))),
            await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Complete, "Done", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3))))),
            await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.ForAction, "Same", new DateOnly(2018, 1, 1)))),
        };

        Assert.Equal(["note", "note", "date", "status"], results.Select(r => Assert.Single(r.Problems).Field));
        Assert.All(results, r => Assert.Equal(EditOutcome.Invalid, r.Outcome));
        var now = await fixture.ItemAsync(await PlanSlugAsync(item.Id), item.Number);
        Assert.Single(now.StatusChanges);
        Assert.Equal(item.Version, now.Version);
    }

    [Fact]
    public async Task Links_to_paragraphs_and_themes_are_set_and_removed_and_mark_the_list_as_the_secretariats()
    {
        var (_, principal) = await fixture.SecretariatAsync("Link Editor");
        var item = await fixture.ItemAsync(EditingFixture.Plan, "10");
        await using var db = fixture.Portal.Database.CreateContext();
        var paragraphId = await db.Paragraphs.Where(p => p.Statement!.Slug == "tip-working-group-third-meeting-2017-co-chairs-statement" && p.Label == "6").Select(p => p.Id).SingleAsync();

        Assert.True((await fixture.WithEditorAsync(e => e.LinkParagraphAsync(principal, item.Id, paragraphId))).Succeeded);
        Assert.True((await fixture.WithEditorAsync(e => e.LinkParagraphAsync(principal, item.Id, paragraphId))).Succeeded);
        Assert.True((await fixture.WithEditorAsync(e => e.LinkThemeAsync(principal, item.Id, "research-and-data"))).Succeeded);
        Assert.True((await fixture.WithEditorAsync(e => e.UnlinkThemeAsync(principal, item.Id, "coordination-and-support"))).Succeeded);
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithEditorAsync(e => e.LinkThemeAsync(principal, item.Id, "no-such-theme"))).Outcome);

        var now = await fixture.ItemAsync(EditingFixture.Plan, "10");
        var link = Assert.Single(now.ParagraphLinks);
        Assert.Equal(RecordOrigin.Staff, link.Origin);
        Assert.Equal("Link Editor", link.LinkedBy);
        Assert.True(now.ParagraphLinksSetByStaff);
        Assert.True(now.ThemesSetByStaff);
        Assert.Contains(now.Themes, t => t.Slug == "research-and-data");
        Assert.DoesNotContain(now.Themes, t => t.Slug == "coordination-and-support");

        Assert.True((await fixture.WithEditorAsync(e => e.UnlinkParagraphAsync(principal, item.Id, paragraphId))).Succeeded);
        Assert.Empty((await fixture.ItemAsync(EditingFixture.Plan, "10")).ParagraphLinks);
    }

    [Fact]
    public async Task A_new_work_plan_gets_a_slug_from_its_title_and_items_are_numbered_in_turn()
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var (slug, items) = await fixture.NewPlanAsync(principal, "Forward Work Plan 2017–19 (numbering)", 3);

        Assert.Equal("forward-work-plan-2017-19-numbering", slug);
        Assert.Equal(["1", "2", "3"], items.Select(i => i.Number));
        Assert.All(items, i => Assert.Equal(RecordOrigin.Staff, i.Origin));

        var again = await fixture.WithEditorAsync(e => e.CreateWorkPlanAsync(principal, new NewWorkPlanRequest(
            "working-group-trafficking-in-persons", "Forward Work Plan 2017–19 (numbering)", "2017–19", 2017, 2019, null)));
        Assert.Equal("forward-work-plan-2017-19-numbering-2", again.CreatedKey);

        var bad = await fixture.WithEditorAsync(e => e.CreateWorkPlanAsync(principal, new NewWorkPlanRequest("no-such-group", "", "", 1990, 1980, "no-such-meeting")));
        Assert.Equal(EditOutcome.Invalid, bad.Outcome);
        Assert.Equal(["endYear", "mechanism", "meeting", "period", "startYear", "title"], bad.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
    }

    private async Task<string> PlanSlugAsync(int itemId)
    {
        await using var db = fixture.Portal.Database.CreateContext();
        return await db.ActionItems.Where(i => i.Id == itemId).Select(i => i.WorkPlan!.Slug).SingleAsync();
    }
}
