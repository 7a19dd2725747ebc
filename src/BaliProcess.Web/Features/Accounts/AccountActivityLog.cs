using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>Appends to the account activity list (time in UTC, client address of the current request).</summary>
public sealed class AccountActivityLog(
    IDbContextFactory<BaliProcessDbContext> dbFactory, IHttpContextAccessor httpContext, TimeProvider time, ILogger<AccountActivityLog> logger)
{
    public async Task RecordAsync(AccountActivityKind kind, string? userId, string? email, string? actorName = null, string? detail = null)
    {
        var entry = new AccountActivity
        {
            OccurredAt = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserId = userId,
            Email = Truncate(email, 256),
            ActorName = Truncate(actorName, 200),
            ClientAddress = ClientAddress(httpContext.HttpContext),
            Detail = Truncate(detail, 500),
        };
        await using var db = await dbFactory.CreateDbContextAsync();
        db.AccountActivities.Add(entry);
        await db.SaveChangesAsync();
        logger.LogInformation("Account activity: {Kind} {Email} from {ClientAddress} {Detail}", kind, entry.Email, entry.ClientAddress, detail);
    }

    public Task RecordAsync(AccountActivityKind kind, PortalUser user, string? actorName = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return RecordAsync(kind, user.Id, user.Email, actorName, detail);
    }

    /// <summary>The newest entries first.</summary>
    public async Task<IReadOnlyList<AccountActivity>> RecentAsync(int take, string? userId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.AccountActivities.AsNoTracking();
        if (!string.IsNullOrEmpty(userId))
        {
            query = query.Where(a => a.UserId == userId);
        }

        return await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id).Take(take).ToListAsync();
    }

    public static string? ClientAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
