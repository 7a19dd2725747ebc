using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>An account's state in a few words, for the administrators' pages, in the page's language.</summary>
public static class AccountState
{
    public static string Describe(AccountSummary account, IStringLocalizer<AccountsText> text)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string> { account.IsDisabled ? text["disabled"] : text["active"] };
        if (account.IsLockedOut)
        {
            parts.Add(text["locked after wrong passwords"]);
        }

        if (account.MustChangePassword)
        {
            parts.Add(text["must change password"]);
        }

        if (account.TwoFactorEnabled)
        {
            parts.Add(text["authenticator app set up"]);
        }

        return string.Join(", ", parts);
    }
}
