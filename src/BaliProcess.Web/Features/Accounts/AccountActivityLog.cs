using System.Text;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>One page of the activity list, newest first.</summary>
public sealed record ActivityListPage(IReadOnlyList<AccountActivity> Entries, int Page, int PageCount, int Total);

/// <summary>
/// Appends to the account activity list (time in UTC, client address of the current request), and reads it back.
/// What it keeps (issue 20): an address that is not an account's is never stored, since it is as likely a password
/// typed into the wrong box as a mistyped address; control characters are replaced, so no value can forge a line of
/// the text log; entries older than <see cref="AccountOptions.ActivityRetention"/> are removed as new ones are written.
/// </summary>
public sealed class AccountActivityLog(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    IHttpContextAccessor httpContext,
    TimeProvider time,
    AccountActivityPruning pruning,
    IOptions<AccountOptions> options,
    ILookupNormalizer normalizer,
    ILogger<AccountActivityLog> logger)
{
    public const int PageSize = 50;

    /// <summary>What an address that is no account's is stored as.</summary>
    public const string UnknownAddress = "(not an account's address)";

    public async Task RecordAsync(AccountActivityKind kind, string? userId, string? email, string? actorName = null, string? detail = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = time.GetUtcNow();
        var entry = new AccountActivity
        {
            OccurredAt = now.UtcDateTime,
            Kind = kind,
            UserId = userId,
            Email = Clean(await KnownAddressOrMaskAsync(db, email), 256),
            ActorName = Clean(actorName, 200),
            ClientAddress = ClientAddress(httpContext.HttpContext),
            Detail = Clean(detail, 500),
        };
        db.AccountActivities.Add(entry);
        await db.SaveChangesAsync();
        logger.LogInformation("Account activity: {Kind} {Email} from {ClientAddress} {Detail}", kind, entry.Email, entry.ClientAddress, entry.Detail);
        await PruneAsync(db, now);
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

    /// <summary>One page of the whole list, newest first, of one kind or of all; a page past the end is the last one.</summary>
    public async Task<ActivityListPage> PageAsync(int page, AccountActivityKind? kind = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var query = db.AccountActivities.AsNoTracking();
        if (kind is { } only)
        {
            query = query.Where(a => a.Kind == only);
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await query.OrderByDescending(a => a.OccurredAt).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        return new ActivityListPage(entries, page, pageCount, total);
    }

    /// <summary>
    /// What other people (Administrators) changed on this account since its previous sign-in, newest first: shown to
    /// the owner throughout the session that follows, so a reset they did not ask for does not go unnoticed.
    /// </summary>
    public async Task<IReadOnlyList<AccountActivity>> ChangesByOthersAsync(string userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var signIns = await db.AccountActivities.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Kind == AccountActivityKind.SignIn || a.Kind == AccountActivityKind.RecoveryCodeUsed))
            .OrderByDescending(a => a.OccurredAt).Select(a => a.OccurredAt).Take(2).ToListAsync();
        var since = signIns.Count == 2 ? signIns[1] : DateTime.MinValue;
        return await db.AccountActivities.AsNoTracking()
            .Where(a => a.UserId == userId && a.ActorName != null && a.OccurredAt > since && OthersChanges.Contains(a.Kind))
            .OrderByDescending(a => a.OccurredAt).Take(10).ToListAsync();
    }

    private static readonly AccountActivityKind[] OthersChanges =
    [
        AccountActivityKind.PasswordReset, AccountActivityKind.AuthenticatorDisabled, AccountActivityKind.RoleChanged,
        AccountActivityKind.AccountEnabled, AccountActivityKind.AccountDisabled,
    ];

    public static string? ClientAddress(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// The address as typed when an account has it (the entry's account, or any account: "a sign-in for a known
    /// address"); otherwise a mask. A password typed into the address box never reaches the table or the log.
    /// </summary>
    private async Task<string?> KnownAddressOrMaskAsync(BaliProcessDbContext db, string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return email;
        }

        var normalized = normalizer.NormalizeEmail(email.Trim());
        var known = await db.Users.AnyAsync(u => u.NormalizedEmail == normalized);
        return known ? email.Trim() : UnknownAddress;
    }

    /// <summary>Removes entries past the retention, at most once per <see cref="AccountActivityPruning.Every"/> in this instance.</summary>
    private async Task PruneAsync(BaliProcessDbContext db, DateTimeOffset now)
    {
        if (!pruning.TryClaim(now))
        {
            return;
        }

        var cutoff = (now - options.Value.ActivityRetention).UtcDateTime;
        var removed = await db.AccountActivities.Where(a => a.OccurredAt < cutoff).ExecuteDeleteAsync();
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} account activity entries older than {Cutoff:u} (Accounts:ActivityRetention)", removed, cutoff);
        }
    }


    /// <summary>Control characters (line breaks included) become "?", so no value can start a forged log line; then truncated.</summary>
    public static string? Clean(string? value, int length)
    {
        if (value is null)
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(value.Length, length));
        foreach (var c in value)
        {
            if (sb.Length == length)
            {
                break;
            }

            sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? '?' : c);
        }

        return sb.ToString();
    }
}

/// <summary>
/// When this portal instance next removes old activity entries: one schedule per instance (a singleton, not a static),
/// so that portals sharing a process, as the tests' do, neither take each other's turn nor skip their own.
/// </summary>
public sealed class AccountActivityPruning
{
    /// <summary>How often (at most) one instance removes old entries while writing.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    private long nextPruneTicks;

    /// <summary>True for the one writer whose turn it is at <paramref name="now"/>; the next turn is then <see cref="Every"/> later.</summary>
    public bool TryClaim(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref nextPruneTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref nextPruneTicks, (now + Every).UtcTicks, due) == due;
    }

    /// <summary>For tests: the next write removes old entries whatever the time of the last removal.</summary>
    public void PruneOnNextWrite() => Interlocked.Exchange(ref nextPruneTicks, 0);
}
