using System.Net;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// What the account activity list keeps (issue 20): no password typed into the address box, no control characters
/// that could forge a log line, pages instead of the newest 200, and nothing older than the retention.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ActivityListTests(EditingFixture fixture)
{
    [Fact]
    public async Task A_password_typed_into_the_address_box_is_not_kept_and_a_known_address_is()
    {
        var secret = $"my secret password {Guid.NewGuid():N}";
        await StaffAccounts.SignInAsync(StaffAccounts.NewClient(fixture.Portal), secret, "whatever was typed next");
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        await StaffAccounts.SignInAsync(StaffAccounts.NewClient(fixture.Portal), user.Email!, "not the password at all");

        await using var db = fixture.Portal.Database.CreateContext();
        Assert.False(await db.AccountActivities.AnyAsync(a => a.Email!.Contains(secret) || a.Detail!.Contains(secret)));
        Assert.True(await db.AccountActivities.AnyAsync(a => a.Kind == AccountActivityKind.SignInFailed && a.UserId == null && a.Email == AccountActivityLog.UnknownAddress));
        Assert.True(await db.AccountActivities.AnyAsync(a => a.Kind == AccountActivityKind.SignInFailed && a.UserId == user.Id && a.Email == user.Email));
        Assert.DoesNotContain(fixture.Portal.LogMessages, m => m.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Control_characters_cannot_forge_a_line_and_old_entries_are_removed_on_write()
    {
        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            db.AccountActivities.AddRange(
                new AccountActivity { OccurredAt = DateTime.UtcNow.AddDays(-400), Kind = AccountActivityKind.SignIn, UserId = user.Id, Email = user.Email, Detail = "past retention" },
                new AccountActivity { OccurredAt = DateTime.UtcNow.AddDays(-300), Kind = AccountActivityKind.SignIn, UserId = user.Id, Email = user.Email, Detail = "within retention" });
            await db.SaveChangesAsync();
        }

        fixture.Portal.Services.GetRequiredService<AccountActivityPruning>().PruneOnNextWrite();
        await using (var scope = fixture.Portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountActivityLog>().RecordAsync(
                AccountActivityKind.ActionRefused, user, "Name\r\n[INF] Account activity: SignIn admin@example.org", "detail\u001b[31m\u2028next");
        }

        await using var check = fixture.Portal.Database.CreateContext();
        var details = await check.AccountActivities.Where(a => a.UserId == user.Id).Select(a => a.Detail).ToListAsync();
        Assert.DoesNotContain("past retention", details);
        Assert.Contains("within retention", details);
        var entry = await check.AccountActivities.SingleAsync(a => a.UserId == user.Id && a.Kind == AccountActivityKind.ActionRefused);
        Assert.Equal("Name??[INF] Account activity: SignIn admin@example.org", entry.ActorName);
        Assert.Equal("detail?[31m?next", entry.Detail);
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_and_bad_values_show_the_first_page()
    {
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            db.AccountActivities.AddRange(Enumerable.Range(0, 2 * AccountActivityLog.PageSize + 5).Select(i => new AccountActivity
            {
                OccurredAt = DateTime.UtcNow.AddMinutes(-i), Kind = AccountActivityKind.SignOut, Email = AccountActivityLog.UnknownAddress, Detail = $"flood {i}",
            }));
            await db.SaveChangesAsync();
        }

        var (_, admin) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Administrator);
        var first = await Html.GetOkAsync(admin, "/admin/activity");
        Assert.Equal(AccountActivityLog.PageSize, first.QuerySelectorAll("table.accounts tbody tr").Length);
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await Html.GetOkAsync(admin, older);
        Assert.Equal(AccountActivityLog.PageSize, second.QuerySelectorAll("table.accounts tbody tr").Length);
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));

        var signOuts = await Html.GetOkAsync(admin, "/admin/activity?kind=SignOut&page=2");
        Assert.All(signOuts.QuerySelectorAll("table.accounts tbody tr td[data-label=What]"), cell => Assert.Equal("Signed out", cell.TextContent));

        foreach (var bad in new[] { "?page=abc", "?page=-1", "?page=99999999999", "?kind=Nope", "?kind=3" })
        {
            var page = await Html.GetOkAsync(admin, "/admin/activity" + bad);
            Assert.NotEmpty(page.QuerySelectorAll("table.accounts tbody tr"));
        }

        // Secretariat and anonymous visitors do not see the list.
        var (_, secretariat) = await StaffAccounts.SignedInAsAsync(fixture.Portal, PortalRoles.Secretariat);
        Assert.NotEqual(HttpStatusCode.OK, (await secretariat.GetAsync(new Uri("/admin/activity", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.NewClient(fixture.Portal).GetAsync(new Uri("/admin/activity", UriKind.Relative))).StatusCode);
    }
}
