namespace BaliProcess.Web.Features.Accounts;

/// <summary>An account's state in a few words, for the administrators' pages.</summary>
public static class AccountState
{
    public static string Describe(AccountSummary account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var parts = new List<string> { account.IsDisabled ? "disabled" : "active" };
        if (account.IsLockedOut)
        {
            parts.Add("locked after wrong passwords");
        }

        if (account.MustChangePassword)
        {
            parts.Add("must change password");
        }

        if (account.TwoFactorEnabled)
        {
            parts.Add("authenticator app");
        }

        return string.Join(", ", parts);
    }
}
