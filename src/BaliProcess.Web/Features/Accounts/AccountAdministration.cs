using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>The answer to an account change: done, or refused with the reason in plain words.</summary>
public sealed record AccountResult(bool Succeeded, string Message)
{
    public static AccountResult Done(string message) => new(true, message);

    public static AccountResult Refused(string message) => new(false, message);
}

/// <summary>One account as the administrators' list shows it.</summary>
public sealed record AccountSummary(
    string Id, string DisplayName, string Email, string? Role, bool IsDisabled, bool MustChangePassword,
    bool TwoFactorEnabled, bool IsLockedOut, DateTime CreatedAt);

/// <summary>
/// Every change to accounts goes through here. Each method checks, against the database and not against the
/// caller's cookie, that the person acting is an active Administrator whose session is current; a refusal
/// writes nothing and is logged. The last active Administrator can be neither disabled nor demoted: the
/// check and the change run in one transaction under an advisory lock, so two administrators demoting each
/// other at once cannot both succeed.
/// </summary>
public sealed class AccountAdministration(
    BaliProcessDbContext db,
    UserManager<PortalUser> users,
    AccountActivityLog activity,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider time,
    IOptions<AccountOptions> accountOptions,
    IStringLocalizer<AccountsText> text,
    ILogger<AccountAdministration> logger)
{
    /// <summary>Serialises changes that could remove the last Administrator (any constant; this one is the portal's).</summary>
    private const long LastAdministratorLock = 7_077_001;

    private static readonly EmailAddressAttribute EmailCheck = new();

    public async Task<IReadOnlyList<AccountSummary>> ListAsync(ClaimsPrincipal actor)
    {
        if (await AuthorizeAsync(actor, "list accounts") is null)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                User = u,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync();
        return rows.Select(r => new AccountSummary(
            r.User.Id, r.User.DisplayName, r.User.Email ?? "", r.Role, r.User.IsDisabled, r.User.MustChangePassword,
            r.User.TwoFactorEnabled, r.User.LockoutEnd is { } end && end > now, r.User.CreatedAt)).ToList();
    }

    public async Task<AccountSummary?> FindAsync(ClaimsPrincipal actor, string userId) =>
        (await ListAsync(actor)).FirstOrDefault(a => a.Id == userId);

    public async Task<AccountResult> CreateAsync(ClaimsPrincipal actor, string displayName, string email, string role, string initialPassword)
    {
        var admin = await AuthorizeAsync(actor, "create an account");
        if (admin is null)
        {
            return NotAllowed;
        }

        displayName = displayName?.Trim() ?? "";
        email = email?.Trim() ?? "";
        if (displayName.Length is 0 or > 200)
        {
            return AccountResult.Refused(text["Give the account a name (up to 200 characters); it is shown beside the changes it makes."]);
        }

        if (Infrastructure.Security.StaffText.Problem(displayName, Infrastructure.Security.StaffText.Field(text["Name"])) is { } unsafeName)
        {
            return AccountResult.Refused(unsafeName);
        }

        if (email.Length is 0 or > 256 || !EmailCheck.IsValid(email))
        {
            return AccountResult.Refused(text["Give a valid e-mail address; the person signs in with it."]);
        }

        if (!PortalRoles.All.Contains(role))
        {
            return AccountResult.Refused(text["Choose the role: Secretariat or Administrator."]);
        }

        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, initialPassword ?? "");
        if (!created.Succeeded)
        {
            return AccountResult.Refused(AccountMessages.Describe(created, text));
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return AccountResult.Refused(AccountMessages.Describe(added, text));
        }

        await transaction.CommitAsync();
        await activity.RecordAsync(AccountActivityKind.AccountCreated, user, admin.DisplayName, $"role {role}");
        return AccountResult.Done(text["The account for {0} ({1}) is created as {2}. Give them the initial password by a safe route; they must change it when they first sign in.", displayName, email, text[role]]);
    }

    public async Task<AccountResult> SetDisabledAsync(ClaimsPrincipal actor, string userId, bool disabled)
    {
        var admin = await AuthorizeAsync(actor, disabled ? "disable an account" : "re-enable an account");
        if (admin is null)
        {
            return NotAllowed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await LockAdministratorsAsync();
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NoSuchAccount;
        }

        if (user.IsDisabled == disabled)
        {
            return AccountResult.Done(disabled ? text["The account was already disabled."] : text["The account was already active."]);
        }

        if (disabled && await users.IsInRoleAsync(user, PortalRoles.Administrator) && await ActiveAdministratorCountAsync() <= 1)
        {
            return AccountResult.Refused(text["This is the last active Administrator: it cannot be disabled. Make another account an Administrator first."]);
        }

        if (disabled && user.Id == admin.Id)
        {
            return AccountResult.Refused(text["You cannot disable your own account. Another Administrator can."]);
        }

        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AccountResult.Refused(AccountMessages.Describe(updated, text));
        }

        // A new security stamp ends the account's cookies and live connections at their next check.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        await activity.RecordAsync(disabled ? AccountActivityKind.AccountDisabled : AccountActivityKind.AccountEnabled, user, admin.DisplayName);
        return AccountResult.Done(disabled
            ? text["{0}'s account is disabled; any session it has open ends within a minute.", user.DisplayName]
            : text["{0}'s account is active again.", user.DisplayName]);
    }

    public async Task<AccountResult> ChangeRoleAsync(ClaimsPrincipal actor, string userId, string role)
    {
        var admin = await AuthorizeAsync(actor, "change a role");
        if (admin is null)
        {
            return NotAllowed;
        }

        if (!PortalRoles.All.Contains(role))
        {
            return AccountResult.Refused(text["Choose the role: Secretariat or Administrator."]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        await LockAdministratorsAsync();
        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NoSuchAccount;
        }

        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return AccountResult.Done(text["{0} already has the role {1}.", user.DisplayName, text[role]]);
        }

        if (current.Contains(PortalRoles.Administrator) && role != PortalRoles.Administrator && !user.IsDisabled
            && await ActiveAdministratorCountAsync() <= 1)
        {
            return AccountResult.Refused(text["This is the last active Administrator: it cannot lose the role. Make another account an Administrator first."]);
        }

        var removed = await users.RemoveFromRolesAsync(user, current);
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role) : removed;
        if (!added.Succeeded)
        {
            return AccountResult.Refused(AccountMessages.Describe(added, text));
        }

        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        var was = current.Count == 0 ? "none" : string.Join(", ", current);
        await activity.RecordAsync(AccountActivityKind.RoleChanged, user, admin.DisplayName, $"role {was} → {role}");
        return AccountResult.Done(text["{0} now has the role {1}.", user.DisplayName, text[role]]);
    }

    /// <param name="ownPassword">The acting Administrator's own password, needed when the account is an Administrator's
    /// (<see cref="ConfirmTakeoverAsync"/>).</param>
    public async Task<AccountResult> ResetPasswordAsync(ClaimsPrincipal actor, string userId, string newPassword, string? ownPassword = null)
    {
        var admin = await AuthorizeAsync(actor, "reset a password");
        if (admin is null)
        {
            return NotAllowed;
        }

        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NoSuchAccount;
        }

        var takeover = await ConfirmTakeoverAsync(admin, user, ownPassword, ResetKind.Password);
        if (takeover.Stop is { } stop)
        {
            return stop;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword ?? "");
        if (!reset.Succeeded)
        {
            return AccountResult.Refused(AccountMessages.Describe(reset, text));
        }

        // The person must choose their own at next sign-in; a lockout from forgotten passwords ends now.
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await transaction.CommitAsync();
        await activity.RecordAsync(AccountActivityKind.PasswordReset, user, admin.DisplayName, takeover.Detail);
        return AccountResult.Done(text["{0}'s password is reset; they must change it when they next sign in.", user.DisplayName]);
    }

    /// <summary>
    /// For a person who lost their authenticator app (and its recovery codes): sign-in stops asking for a code,
    /// the old key and every recovery code stop working, and the account's sessions end. They can add an app
    /// again from their own account page (and must, if Administrators are required to).
    /// </summary>
    public async Task<AccountResult> ResetAuthenticatorAsync(ClaimsPrincipal actor, string userId, string? ownPassword = null)
    {
        var admin = await AuthorizeAsync(actor, "reset an authenticator");
        if (admin is null)
        {
            return NotAllowed;
        }

        var user = await users.FindByIdAsync(userId ?? "");
        if (user is null)
        {
            return NoSuchAccount;
        }

        var takeover = await ConfirmTakeoverAsync(admin, user, ownPassword, ResetKind.Authenticator);
        if (takeover.Stop is { } stop)
        {
            return stop;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var steps = new Func<Task<IdentityResult>>[]
        {
            () => users.SetTwoFactorEnabledAsync(user, false),

            // A new key: a code from the lost (or copied) app no longer matches.
            () => users.ResetAuthenticatorKeyAsync(user),
            async () => (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0)) is null ? IdentityResult.Failed() : IdentityResult.Success,
            () => users.UpdateSecurityStampAsync(user),
        };
        foreach (var step in steps)
        {
            var done = await step();
            if (!done.Succeeded)
            {
                return AccountResult.Refused(AccountMessages.Describe(done, text));
            }
        }

        await transaction.CommitAsync();
        await activity.RecordAsync(AccountActivityKind.AuthenticatorDisabled, user, admin.DisplayName,
            "reset by an Administrator: new key, recovery codes removed" + (takeover.Detail is { } detail ? "; " + detail : ""));
        return AccountResult.Done(text["{0}'s authenticator is reset: sign-in no longer asks for a code, the old app and recovery codes no longer work, and their sessions end. They can add an app again from their account.", user.DisplayName]);
    }

    /// <summary>What an Administrator may reset of another's account.</summary>
    public enum ResetKind
    {
        Password,
        Authenticator,
    }

    /// <summary>Whether a reset goes ahead (<see cref="Stop"/> null) and what the record of it adds.</summary>
    private sealed record TakeoverCheck(AccountResult? Stop, string? Detail = null);

    /// <summary>Where a first Administrator's request waits: a row of Identity's token table on the account to reset.</summary>
    private const string ResetRequestStore = "[PortalAdministratorReset]";

    /// <summary>
    /// Resetting another Administrator's password or authenticator is how one Administrator could take over another
    /// (issue 20). It needs the acting Administrator's own password again (a session left open is not enough) and,
    /// unless <see cref="AccountOptions.AdministratorResetsNeedTwo"/> is off, two Administrators: the first to ask
    /// only records the request; a second, within <see cref="AccountOptions.ResetRequestLifetime"/>, makes the reset
    /// (and types the new password, so no password waits anywhere). Both names are recorded, and the owner is shown
    /// them at their next sign-in (<see cref="AccountActivityLog.ChangesByOthersAsync"/>).
    /// </summary>
    private async Task<TakeoverCheck> ConfirmTakeoverAsync(PortalUser admin, PortalUser target, string? ownPassword, ResetKind kind)
    {
        var action = kind == ResetKind.Password ? "reset a password" : "reset an authenticator";
        if (target.Id == admin.Id || !await users.IsInRoleAsync(target, PortalRoles.Administrator))
        {
            return new(null);
        }

        if (!await users.CheckPasswordAsync(admin, ownPassword ?? ""))
        {
            logger.LogWarning("Refused to {Action} of Administrator {Target} for {Actor}: own password not confirmed", action, target.Id, admin.Id);
            await activity.RecordAsync(AccountActivityKind.ActionRefused, target, admin.DisplayName, $"{action} of an Administrator: the acting Administrator's password was not confirmed");
            return new(AccountResult.Refused(text["This account is an Administrator's: type your own password as well, to confirm that it is you who resets it."]));
        }

        if (!accountOptions.Value.AdministratorResetsNeedTwo)
        {
            return new(null);
        }

        var name = kind.ToString();
        var request = PendingReset.Parse(await users.GetAuthenticationTokenAsync(target, ResetRequestStore, name));
        var now = time.GetUtcNow();
        var fresh = request is not null && now - request.At < accountOptions.Value.ResetRequestLifetime;
        if (fresh && request!.ByUserId != admin.Id && await users.FindByIdAsync(request.ByUserId) is { } first)
        {
            await users.RemoveAuthenticationTokenAsync(target, ResetRequestStore, name);
            return new(null, $"asked by {first.DisplayName} on {request.At:yyyy-MM-dd HH:mm} UTC, confirmed by {admin.DisplayName}");
        }

        if (fresh)
        {
            return new(AccountResult.Done(text["You asked for this on {0} UTC; nothing changes until another Administrator makes the same reset.", Shown(request!.At)]));
        }

        await users.SetAuthenticationTokenAsync(target, ResetRequestStore, name, new PendingReset(admin.Id, now).ToString());
        await activity.RecordAsync(AccountActivityKind.ResetRequested, target, admin.DisplayName, $"asked to {action}; waits for a second Administrator");
        logger.LogInformation("Administrator {Actor} asked to {Action} of Administrator {Target}; a second Administrator must confirm", admin.Id, action, target.Id);
        var lifetime = accountOptions.Value.ResetRequestLifetime;
        return new(AccountResult.Done(lifetime.TotalHours >= 1
            ? text["Asked: resetting an Administrator takes two. Nothing has changed yet; another Administrator must make the same reset within {0} hours.", lifetime.TotalHours.ToString("0", System.Globalization.CultureInfo.CurrentCulture)]
            : text["Asked: resetting an Administrator takes two. Nothing has changed yet; another Administrator must make the same reset within {0} minutes.", lifetime.TotalMinutes.ToString("0", System.Globalization.CultureInfo.CurrentCulture)]));
    }

    /// <summary>The requests waiting for a second Administrator on an account, for its page.</summary>
    public async Task<IReadOnlyList<string>> PendingResetsAsync(ClaimsPrincipal actor, string userId)
    {
        if (await AuthorizeAsync(actor, "read reset requests") is null || await users.FindByIdAsync(userId ?? "") is not { } target)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var kind in Enum.GetValues<ResetKind>())
        {
            if (PendingReset.Parse(await users.GetAuthenticationTokenAsync(target, ResetRequestStore, kind.ToString())) is { } request
                && time.GetUtcNow() - request.At < accountOptions.Value.ResetRequestLifetime
                && await users.FindByIdAsync(request.ByUserId) is { } by)
            {
                lines.Add(kind == ResetKind.Password
                    ? text["{0} asked on {1} UTC to reset the password: another Administrator confirms it by making the same reset below.", by.DisplayName, Shown(request.At)]
                    : text["{0} asked on {1} UTC to reset the authenticator: another Administrator confirms it by making the same reset below.", by.DisplayName, Shown(request.At)]);
            }
        }

        return lines;
    }

    private sealed record PendingReset(string ByUserId, DateTimeOffset At)
    {
        public override string ToString() => ByUserId + "|" + At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static PendingReset? Parse(string? stored) =>
            stored?.Split('|') is [var by, var seconds] && long.TryParse(seconds, System.Globalization.CultureInfo.InvariantCulture, out var at)
                ? new PendingReset(by, DateTimeOffset.FromUnixTimeSeconds(at))
                : null;
    }

    /// <summary>The acting Administrator, read from the database; null (and a log line) when not allowed.</summary>
    private async Task<PortalUser?> AuthorizeAsync(ClaimsPrincipal actor, string action)
    {
        var id = actor?.Identity?.IsAuthenticated == true ? users.GetUserId(actor) : null;
        var admin = id is null ? null : await users.FindByIdAsync(id);
        var stamp = actor?.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        var reason =
            admin is null ? "not signed in"
            : admin.IsDisabled ? "account disabled"
            : stamp != admin.SecurityStamp ? "session out of date (password, role or state changed)"
            : !await users.IsInRoleAsync(admin, PortalRoles.Administrator) ? "not an Administrator"
            : accountOptions.Value.RequireTwoFactorForAdministrators && !admin.TwoFactorEnabled ? "no authenticator app (Accounts:RequireTwoFactorForAdministrators)"
            : null;
        if (reason is null)
        {
            return admin;
        }

        logger.LogWarning("Refused to {Action} for {Actor}: {Reason}", action, admin?.Email ?? actor?.Identity?.Name ?? "anonymous", reason);
        return null;
    }

    private async Task LockAdministratorsAsync() =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LastAdministratorLock})");

    private async Task<int> ActiveAdministratorCountAsync() =>
        (await users.GetUsersInRoleAsync(PortalRoles.Administrator)).Count(u => !u.IsDisabled);

    private AccountResult NotAllowed => AccountResult.Refused(text["Only an active Administrator may change accounts. Sign in again as one."]);

    private AccountResult NoSuchAccount => AccountResult.Refused(text["That account does not exist (any more)."]);

    /// <summary>A moment as a message shows it, in the page's language.</summary>
    private static string Shown(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture);
}
