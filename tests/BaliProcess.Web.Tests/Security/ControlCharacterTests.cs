using System.Net;
using System.Xml.Linq;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Infrastructure.Caching;
using BaliProcess.Web.Tests.Editing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// A control character (U+000B, as pasted from a word processor) used to make /changes.atom answer 500 for
/// everyone, for ever (the history is append-only). Staff text now refuses such characters, and the XML writers
/// cope with what is already stored.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ControlCharacterTests(EditingFixture fixture)
{
    private const string VerticalTab = "\u000B";

    [Fact]
    public async Task A_note_already_stored_with_a_vertical_tab_leaves_the_feeds_answering_and_well_formed()
    {
        var (_, principal) = await fixture.SecretariatAsync("Feed Tester");
        var (slug, items) = await fixture.NewPlanAsync(principal, "Control character feed plan", 1);
        await using (var db = fixture.Portal.Database.CreateContext())
        {
            // Straight into the database, as a note saved before the check would be.
            db.ActionItemStatusChanges.Add(new ActionItemStatusChange
            {
                ActionItemId = items[0].Id, FromStatus = ActionItemStatus.ForAction, ToStatus = ActionItemStatus.Ongoing,
                Note = $"Pasted{VerticalTab}from a word processor\u0001\uFFFF", EffectiveDate = new DateOnly(2018, 1, 2),
                EffectivePrecision = DatePrecision.Day, ChangedBy = $"Feed{VerticalTab}Tester", ChangedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await fixture.Portal.Services.GetRequiredService<RecordChanges>().AnnounceCommittedAsync();
        using var client = fixture.Portal.CreateClient();
        foreach (var feed in new[] { "/changes.atom", $"/work-plans/{slug}/changes.atom", "/sitemap.xml" })
        {
            using var response = await client.GetAsync(new Uri(feed, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            if (feed.EndsWith(".atom", StringComparison.Ordinal))
            {
                Assert.Contains("Pastedfrom a word processor", xml.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(0x0B)]   // vertical tab, from a word processor
    [InlineData(0x00)]
    [InlineData(0x1B)]   // escape, which starts terminal colour codes in a log
    [InlineData(0x7F)]
    [InlineData(0x85)]   // next line (C1)
    [InlineData(0xD800)] // half a surrogate pair (attributes cannot carry one, hence the code)
    public async Task Every_staff_text_refuses_a_control_character_with_a_message_and_writes_nothing(int code)
    {
        // In the middle of the text: Trim() would quietly remove a vertical tab or U+0085 at either end.
        var bad = ((char)code).ToString();
        var (_, principal) = await fixture.SecretariatAsync("Typing Tester");
        var (slug, items) = await fixture.NewPlanAsync(principal, $"Control refusal plan {Guid.NewGuid():N}", 1);
        var item = items[0];

        var note = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal,
            new StatusChangeRequest(item.Id, item.Version, ActionItemStatus.Ongoing, $"Line one{bad}line two", new DateOnly(2018, 1, 2))));
        Assert.Equal(EditOutcome.Invalid, note.Outcome);
        Assert.Contains(note.Problems, p => p.Field == "note" && p.Message.Contains("cannot be stored", StringComparison.Ordinal));

        var title = await fixture.WithEditorAsync(e => e.CreateWorkPlanAsync(principal, new NewWorkPlanRequest(
            "working-group-trafficking-in-persons", $"Plan{bad}title", "2017–19", 2017, 2019, null)));
        Assert.Contains(title.Problems, p => p.Field == "title" && p.Message.Contains("cannot be stored", StringComparison.Ordinal));

        await using var db = fixture.Portal.Database.CreateContext();
        var planId = await db.WorkPlans.Where(w => w.Slug == slug).Select(w => w.Id).SingleAsync();
        var text = await fixture.WithEditorAsync(e => e.AddItemAsync(principal, new AddItemRequest(
            planId, "9", $"Item{bad}text", ActionItemStatus.ForAction, "A first note", new DateOnly(2018, 1, 2))));
        Assert.Contains(text.Problems, p => p.Field == "text" && p.Message.Contains("cannot be stored", StringComparison.Ordinal));

        Assert.Equal(1, await db.ActionItemStatusChanges.CountAsync(c => c.ActionItemId == item.Id));
        Assert.False(await db.ActionItems.AnyAsync(i => i.WorkPlanId == planId && i.Number == "9"));

        // Account names, through the administration service.
        var admin = await fixture.AccountAsync(PortalRoles.Administrator);
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var email = $"ctl-{Guid.NewGuid():N}@example.org";
        var created = await accounts.CreateAsync(admin.Principal, $"Na{bad}me", email, PortalRoles.Secretariat, "a long enough initial password");
        Assert.False(created.Succeeded);
        Assert.Contains("cannot be stored", created.Message, StringComparison.Ordinal);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_stay_allowed_in_a_note()
    {
        var (_, principal) = await fixture.SecretariatAsync("Multi-line Tester");
        var (_, items) = await fixture.NewPlanAsync(principal, $"Multi-line plan {Guid.NewGuid():N}", 1);
        var result = await fixture.WithEditorAsync(e => e.ChangeStatusAsync(principal,
            new StatusChangeRequest(items[0].Id, items[0].Version, ActionItemStatus.Ongoing, "First line\r\n\tindented second line", new DateOnly(2018, 1, 2))));
        Assert.Equal(EditOutcome.Saved, result.Outcome);
    }
}
