using System.Security.Claims;
using BaliProcess.Web.Features.Accounts;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>The signed-in account allowed to write: its id and the name every change shows.</summary>
public sealed record Editor(string UserId, string DisplayName);

/// <summary>What the account store says about an account, read fresh for every write.</summary>
public sealed record EditorAccount(string UserId, string DisplayName, bool IsDisabled, IReadOnlyCollection<string> Roles)
{
    /// <summary>The account's current security stamp: a cookie with another one was signed out (or reset).</summary>
    public string? SecurityStamp { get; init; }

    public bool MustChangePassword { get; init; }

    public bool TwoFactorEnabled { get; init; }
}

/// <summary>Reads an account from the store (ASP.NET Core Identity's tables), never from the sign-in cookie.</summary>
public interface IEditorAccounts
{
    Task<EditorAccount?> FindAsync(string userId, CancellationToken ct);
}

public enum RefusalReason
{
    Anonymous,
    UnknownAccount,
    Disabled,
    WrongRole,

    /// <summary>The session was signed out, its password or authenticator reset, or it outlived Accounts:SessionLifetime.</summary>
    SessionEnded,

    /// <summary>The account must choose its own password first.</summary>
    MustChangePassword,

    /// <summary>Accounts:RequireTwoFactorForAdministrators, and this Administrator has no authenticator app.</summary>
    TwoFactorRequired,
}

/// <summary>
/// The server-side check every write makes: the caller is signed in, its account exists and is enabled, and
/// the account store (not the cookie, which may be a minute old) gives it an editing role. It also applies the
/// session rules itself rather than trusting the page's middleware or the circuit's one-minute re-check (issue 20):
/// the caller's security stamp is the account's (so an editor left open after "Sign out" in another tab cannot
/// save), the session is within Accounts:SessionLifetime, the password need not be changed first, and an
/// Administrator has the authenticator app the settings require.
/// </summary>
public sealed class EditorAccess(
    IEditorAccounts accounts,
    ILogger<EditorAccess> logger,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<AccountOptions> accountOptions,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> identityOptions)
{
    /// <summary>The roles that may edit work plans (Administrators may do what the Secretariat does).</summary>
    public static readonly IReadOnlySet<string> EditingRoles = new HashSet<string>(StringComparer.Ordinal) { PortalRoles.Secretariat, PortalRoles.Administrator };

    /// <summary>The editor, or the reason for refusal (logged with the operation and the caller).</summary>
    public async Task<(Editor? Editor, RefusalReason? Refusal)> CheckAsync(ClaimsPrincipal? user, string operation, CancellationToken ct)
    {
        var userId = user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        RefusalReason? refusal;
        EditorAccount? account = null;
        if (userId is null)
        {
            refusal = RefusalReason.Anonymous;
        }
        else
        {
            account = await accounts.FindAsync(userId, ct);
            refusal = account switch
            {
                null => RefusalReason.UnknownAccount,
                { IsDisabled: true } => RefusalReason.Disabled,
                _ when !account.Roles.Any(EditingRoles.Contains) => RefusalReason.WrongRole,
                _ when account.SecurityStamp is null
                    || user!.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) != account.SecurityStamp
                    || !PortalSession.WithinLifetime(user!, time.GetUtcNow(), accountOptions.Value.SessionLifetime) => RefusalReason.SessionEnded,
                { MustChangePassword: true } => RefusalReason.MustChangePassword,
                _ when accountOptions.Value.RequireTwoFactorForAdministrators && !account.TwoFactorEnabled
                    && account.Roles.Contains(PortalRoles.Administrator) => RefusalReason.TwoFactorRequired,
                _ => null,
            };
        }

        if (refusal is { } r)
        {
            logger.LogWarning(
                "Refused {Operation}: {Reason} (user id {UserId}, name {UserName}); nothing was written",
                operation, r, userId ?? "(none)", user?.Identity?.Name ?? "(anonymous)");
            return (null, r);
        }

        return (new Editor(account!.UserId, account.DisplayName), null);
    }
}
