namespace BaliProcess.Data.Model;

/// <summary>What happened to or with an account, for the administrators' activity list.</summary>
public enum AccountActivityKind
{
    SignIn,
    SignInFailed,
    LockedOut,
    SignOut,
    SignInRefusedDisabled,
    AccountCreated,
    AccountDisabled,
    AccountEnabled,
    RoleChanged,
    PasswordReset,
    PasswordChanged,
    AuthenticatorEnabled,
    AuthenticatorDisabled,
    RecoveryCodeUsed,
    ActionRefused,

    /// <summary>An Administrator asked to reset another Administrator's password or authenticator; a second must confirm.</summary>
    ResetRequested,
}

/// <summary>One entry of the account activity list. Appended, never changed.</summary>
public class AccountActivity
{
    public long Id { get; set; }

    /// <summary>When it happened, in UTC.</summary>
    public DateTime OccurredAt { get; set; }

    public AccountActivityKind Kind { get; set; }

    /// <summary>The account it concerns (null when a sign-in named no known account).</summary>
    public string? UserId { get; set; }

    /// <summary>The e-mail address as given or as it was then (kept even if the account changes later).</summary>
    public string? Email { get; set; }

    /// <summary>Who did it, when not the account itself (an administrator's display name).</summary>
    public string? ActorName { get; set; }

    /// <summary>The client address as the portal saw it.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>Particulars in plain words ("role Secretariat → Administrator").</summary>
    public string? Detail { get; set; }
}
