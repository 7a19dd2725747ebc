using System.Security.Claims;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Infrastructure;

/// <summary>
/// A portal of its own for tests that write through a staff service (they do not share the read-only portal),
/// with real accounts in Identity's tables and principals as a signed-in request carries them.
/// </summary>
public abstract class StaffPortalFixture(IDictionary<string, string>? settings = null) : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new() { Settings = settings ?? new Dictionary<string, string>() };

    public async Task InitializeAsync() => await Portal.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)Portal).DisposeAsync();

    /// <summary>An account with <paramref name="role"/> ("" for none) and the claims a signed-in request of it carries.</summary>
    public async Task<(PortalUser User, ClaimsPrincipal Principal)> AccountAsync(string role, bool disabled = false, string? displayName = null)
    {
        var user = await StaffAccounts.CreateUserAsync(Portal, role, disabled: disabled, displayName: displayName);
        return (user, await StaffAccounts.PrincipalAsync(Portal, user.Id));
    }

    public Task<(PortalUser User, ClaimsPrincipal Principal)> SecretariatAsync(string? displayName = null) => AccountAsync(PortalRoles.Secretariat, displayName: displayName);

    /// <summary>Runs <paramref name="action"/> with a <typeparamref name="TService"/> from a scope of the real portal.</summary>
    protected async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Portal.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
