using System.Security.Claims;
using BaliProcess.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// For live editor connections (circuits), which outlive the request that opened them: every
/// <see cref="AccountOptions.RevalidationInterval"/> the account is read again, and a disabled account, a
/// deleted one or a changed security stamp (password reset, role change) ends the signed-in state.
/// </summary>
/// <remarks>
/// Every open editor runs this once a minute, so it reads only the two columns it compares, through a
/// short-lived context, without tracking: no service scope, no <see cref="UserManager{TUser}"/> and no whole
/// account row per check (the memory an open editor costs, docs/benchmarks.md). The comparison is the one
/// Identity's own validator makes: the account exists, is not disabled, and its security stamp is the one in
/// the sign-in cookie.
/// </remarks>
public sealed class PortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IDbContextFactory<BaliProcessDbContext> contexts,
    IOptions<IdentityOptions> identityOptions,
    IOptions<AccountOptions> accountOptions,
    TimeProvider time)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => accountOptions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        var claims = identityOptions.Value.ClaimsIdentity;
        var userId = authenticationState.User.FindFirstValue(claims.UserIdClaimType);
        var stamp = authenticationState.User.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is null || stamp is null || !PortalSession.WithinLifetime(authenticationState.User, time.GetUtcNow(), accountOptions.Value.SessionLifetime))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsDisabled, u.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        return account is { IsDisabled: false } && account.SecurityStamp == stamp;
    }
}
