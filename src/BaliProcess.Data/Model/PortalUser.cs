using Microsoft.AspNetCore.Identity;

namespace BaliProcess.Data.Model;

/// <summary>A staff account (Secretariat or Administrator). Visitors never have one: there is no public registration.</summary>
public class PortalUser : IdentityUser
{
    /// <summary>The name shown beside every change the account makes.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set when an administrator chose the password (a new account, a reset, the first Administrator):
    /// the account must pick its own before it can do anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedAt { get; set; }
}
