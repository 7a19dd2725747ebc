using System.Security.Claims;
using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>Claims the portal adds to a signed-in account, so pages need no query to know them.</summary>
public static class PortalClaims
{
    public const string DisplayName = "portal:display_name";
    public const string MustChangePassword = "portal:must_change_password";
    public const string TwoFactorEnabled = "portal:two_factor";

    public static string NameOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";
    }

    public static bool MustChange(ClaimsPrincipal user) => user?.HasClaim(MustChangePassword, "true") == true;

    public static bool HasAuthenticator(ClaimsPrincipal user) => user?.HasClaim(TwoFactorEnabled, "true") == true;
}

/// <summary>Adds the display name and the must-change and authenticator flags to the sign-in cookie. The
/// cookie is rebuilt at every security-stamp check, so the flags follow the account within that interval.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
