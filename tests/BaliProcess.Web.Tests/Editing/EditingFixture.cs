using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Editing;

/// <summary>
/// A portal of its own for the editing tests (they write, so they do not share the read-only portal), with
/// real accounts in Identity's tables and principals built by the portal's own claims factory.
/// </summary>
public sealed class EditingFixture : StaffPortalFixture
{
    public const string Plan = "tip-working-group-forward-work-plan-2015-17";

    /// <summary>Runs <paramref name="action"/> with a WorkPlanEditor from a scope of the real portal.</summary>
    public Task<T> WithEditorAsync<T>(Func<WorkPlanEditor, Task<T>> action) => WithServiceAsync(action);

    public async Task<ActionItem> ItemAsync(string planSlug, string number)
    {
        await using var db = Portal.Database.CreateContext();
        return await db.ActionItems.AsNoTracking().Include(i => i.StatusChanges).Include(i => i.ParagraphLinks).Include(i => i.Themes)
            .SingleAsync(i => i.WorkPlan!.Slug == planSlug && i.Number == number);
    }

    /// <summary>A new staff work plan with <paramref name="items"/> items, made through the write service.</summary>
    public async Task<(string Slug, List<ActionItem> Items)> NewPlanAsync(ClaimsPrincipal editor, string title, int items)
    {
        var created = await WithEditorAsync(e => e.CreateWorkPlanAsync(editor, new NewWorkPlanRequest(
            "working-group-trafficking-in-persons", title, "2017–19", 2017, 2019, "tip-working-group-third-meeting-2017")));
        Assert.True(created.Succeeded, string.Join("; ", created.Problems.Select(p => p.Message)));
        await using var db = Portal.Database.CreateContext();
        var planId = await db.WorkPlans.Where(w => w.Slug == created.CreatedKey).Select(w => w.Id).SingleAsync();
        for (var n = 1; n <= items; n++)
        {
            var added = await WithEditorAsync(e => e.AddItemAsync(editor, new AddItemRequest(
                planId, null, $"Action {n} of {title}", ActionItemStatus.ForAction, "Agreed by members", new DateOnly(2017, 5, 26))));
            Assert.True(added.Succeeded, string.Join("; ", added.Problems.Select(p => p.Message)));
        }

        var list = await db.ActionItems.AsNoTracking().Where(i => i.WorkPlanId == planId).OrderBy(i => i.Sequence).ToListAsync();
        return (created.CreatedKey!, list);
    }
}

[CollectionDefinition(Name)]
public sealed class EditingCollection : ICollectionFixture<EditingFixture>
{
    public const string Name = "editing";
}
