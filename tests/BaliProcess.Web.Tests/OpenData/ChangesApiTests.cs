using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static BaliProcess.Web.Tests.OpenData.OpenDataHttp;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>/api/v1/changes: the secretariat's recorded changes, with the filters of /changes and strict parameters.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class ChangesApiTests(PortalFactory portal)
{
    private readonly HttpClient client = portal.CreateClient();

    [Fact]
    public async Task A_recorded_change_is_listed_with_its_item_note_and_effective_date_and_the_seeded_entries_are_not()
    {
        const string note = "Changes API test: the regional meeting agreed the guide.";

        // Through the portal's own write service, as a Secretariat account would (so the item, its history
        // and the caches stay consistent for the other tests sharing this portal).
        var user = await StaffAccounts.CreateUserAsync(portal, PortalRoles.Secretariat, displayName: "Changes API test");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var principal = await StaffAccounts.PrincipalAsync(portal, user.Id);
            await using var db = portal.Database.CreateContext();
            var item = await db.ActionItems.AsNoTracking().SingleAsync(i => i.WorkPlan!.Slug == "tip-working-group-forward-work-plan-2015-17" && i.Number == "7");
            var result = await scope.ServiceProvider.GetRequiredService<WorkPlanEditor>().ChangeStatusAsync(
                principal, new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Complete, note, new DateOnly(2018, 3, 1)));
            Assert.True(result.Succeeded);
        }

        var items = await GetAllItemsAsync(client, "/api/v1/changes?pageSize=100");
        var change = Assert.Single(items, c => c.GetProperty("note").GetString() == note);
        Assert.Equal("7", change.GetProperty("item").GetString());
        Assert.Equal("Complete", change.GetProperty("to").GetString());
        Assert.Equal("2018-03-01", change.GetProperty("effective").GetString());
        Assert.Equal("Changes API test", change.GetProperty("changedBy").GetString());
        Assert.Equal("/work-plans/tip-working-group-forward-work-plan-2015-17/items/7", change.GetProperty("url").GetString());
        Assert.DoesNotContain(items, c => c.GetProperty("changedBy").GetString()!.Contains("001_", StringComparison.Ordinal));

        var none = await GetJsonAsync(client, "/api/v1/changes?from=2000-01-01&to=2000-12-31");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/changes?from=yesterday", "from")]
    [InlineData("/api/v1/changes?to=2024-13-01", "to")]
    [InlineData("/api/v1/changes?workingGroup=%3Cscript%3E", "workingGroup")]
    [InlineData("/api/v1/changes?pageSize=0", "pageSize")]
    public async Task A_bad_parameter_is_a_problem_naming_it(string url, string parameter)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        await ApiContractTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }
}
