using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>Identity's sign-in manager, told that a disabled account may neither sign in nor keep a session.</summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    /// <summary>Every sign-in (password, authenticator code, recovery code, refresh after a password change)
    /// records when it happened; the session ends <see cref="AccountOptions.SessionLifetime"/> later.</summary>
    public override Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        var time = Context.RequestServices.GetRequiredService<TimeProvider>();
        return base.SignInWithClaimsAsync(user, authenticationProperties,
            additionalClaims.Where(c => c.Type != PortalSession.SignedInAtClaim).Append(PortalSession.SignedInAt(time.GetUtcNow())));
    }

    /// <summary>Disabling changes the security stamp already; this also ends a session whose stamp somehow matches.</summary>
    public override async Task<bool> ValidateSecurityStampAsync(PortalUser? user, string? securityStamp) =>
        user is { IsDisabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
