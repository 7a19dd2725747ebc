using System.Globalization;
using System.Security.Claims;
using BaliProcess.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// When a signed-in session ends (issue 20, docs/decisions/0020): at sign-out, for every copy of its cookie
/// (sign-out renews the account's security stamp, and every request compares the cookie's stamp with the
/// account's); when the account is disabled (at its next request, not a minute later); and
/// <see cref="AccountOptions.SessionLifetime"/> after the password was typed, however active the session was.
/// </summary>
public static class PortalSession
{
    /// <summary>When the person signed in (Unix seconds), set once at sign-in and carried through every refresh.</summary>
    public const string SignedInAtClaim = "portal:signed_in_at";

    public static Claim SignedInAt(DateTimeOffset when) =>
        new(SignedInAtClaim, when.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>True while the session is younger than the absolute lifetime; a session without the claim has none.</summary>
    public static bool WithinLifetime(ClaimsPrincipal user, DateTimeOffset now, TimeSpan lifetime) =>
        user.FindFirstValue(SignedInAtClaim) is { } value
        && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < lifetime;

    /// <summary>
    /// The sign-in cookie's check on every request: Identity's own (which rebuilds the claims every
    /// Accounts:RevalidationInterval), then one query for the account's stamp and state, and the absolute lifetime.
    /// A failure signs the request out, so the cookie is deleted and the person is asked to sign in again.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is not { } user)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<AccountOptions>>().Value.SessionLifetime;
        var claims = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = user.FindFirstValue(claims.UserIdClaimType);
        var stamp = user.FindFirstValue(claims.SecurityStampClaimType);
        var current = false;
        if (userId is not null && stamp is not null && WithinLifetime(user, now, lifetime))
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<BaliProcessDbContext>>().CreateDbContextAsync(context.HttpContext.RequestAborted);
            current = await db.Users.AsNoTracking()
                .AnyAsync(u => u.Id == userId && !u.IsDisabled && u.SecurityStamp == stamp, context.HttpContext.RequestAborted);
        }

        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Identity rebuilds the claims at each interval; the time of sign-in must survive that.</summary>
    public static Task KeepSignedInAt(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == SignedInAtClaim))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
        }

        return Task.CompletedTask;
    }
}
