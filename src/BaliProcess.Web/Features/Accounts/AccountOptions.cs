namespace BaliProcess.Web.Features.Accounts;

/// <summary>Account settings (configuration section "Accounts").</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// An Administrator without an authenticator app is sent to set one up before anything else, and cannot change
    /// anything until then (ASVS 2.2.x at Level 2: on by default; a deployment may relax it).
    /// </summary>
    public bool RequireTwoFactorForAdministrators { get; set; } = true;

    /// <summary>
    /// Resetting an Administrator's password or authenticator takes two Administrators (issue 20): the first asks,
    /// a second makes the same reset within <see cref="ResetRequestLifetime"/>. A deployment with a single
    /// Administrator beside the one to reset may turn it off; the reset then needs the acting one's password only.
    /// </summary>
    public bool AdministratorResetsNeedTwo { get; set; } = true;

    /// <summary>How long a first Administrator's request to reset another waits for a second.</summary>
    public TimeSpan ResetRequestLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the account activity list keeps an entry; older ones are removed as new ones are written.</summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>A sign-in ends after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// A sign-in ends this long after the password was typed, however active it was (ASVS 3.3.2): an unattended
    /// editor that keeps its session alive, or a stolen cookie kept fresh, stops at the end of a working day.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often a signed-in session (cookie or live editor connection) is checked against the account, so a
    /// disabled account or a changed password ends it. Tests shorten it.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The first Administrator (configuration section "Admin", environment Admin__Email and Admin__Password).</summary>
public sealed class FirstAdministratorOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
