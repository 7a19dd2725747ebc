using System.Security.Claims;
using BaliProcess.Web.Features.Accounts;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>The signed-in account allowed to write: its id and the name every change shows.</summary>
public sealed record Editor(string UserId, string DisplayName);

/// <summary>What the account store says about an account, read fresh for every write.</summary>
public sealed record EditorAccount(string UserId, string DisplayName, bool IsDisabled, IReadOnlyCollection<string> Roles);

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
}

/// <summary>
/// The server-side check every write makes: the caller is signed in, its account exists and is enabled, and
/// the account store (not the cookie, which may be a minute old) gives it an editing role.
/// </summary>
public sealed class EditorAccess(IEditorAccounts accounts, ILogger<EditorAccess> logger)
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
