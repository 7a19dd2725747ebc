namespace BaliProcess.Web.Features.Accounts;

/// <summary>The portal's two staff roles. Visitors have no account.</summary>
public static class PortalRoles
{
    /// <summary>Keeps work plans current.</summary>
    public const string Secretariat = "Secretariat";

    /// <summary>Manages accounts, and may do everything the Secretariat does.</summary>
    public const string Administrator = "Administrator";

    /// <summary>For [Authorize(Roles = PortalRoles.Editors)]: whoever may edit work plans.</summary>
    public const string Editors = "Secretariat,Administrator";

    public static IReadOnlyList<string> All { get; } = [Secretariat, Administrator];
}
