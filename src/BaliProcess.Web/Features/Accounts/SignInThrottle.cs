using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// Wrong passwords are counted per account and client address, not per account (issue 20): Identity's lockout let
/// anyone lock every known account out for 15 minutes by typing five wrong passwords for it, and only real
/// accounts could be "locked", which confirmed which addresses have one. Here five failures for one address
/// (known or not) from one client address hold back that pair for 15 minutes; the owner signing in from elsewhere
/// is not affected, and the per-address rate limit (SignInRateLimit) still bounds guessing across accounts.
/// Counted in this instance's memory: behind several instances the bound is per instance, which still stops
/// guessing at any useful rate.
/// </summary>
public sealed class SignInThrottle(TimeProvider time) : IDisposable
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly MemoryCache failures = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    /// <summary>True when this account and client address may try a password now.</summary>
    public bool Allows(string email, string? clientAddress) =>
        !failures.TryGetValue(Key(email, clientAddress), out Counter? counter) || counter!.Count < MaxFailures || counter.Until <= time.GetUtcNow();

    public void Failed(string email, string? clientAddress)
    {
        var key = Key(email, clientAddress);
        var now = time.GetUtcNow();
        lock (failures)
        {
            if (!failures.TryGetValue(key, out Counter? counter) || counter!.Until <= now)
            {
                counter = new Counter();
            }

            counter.Count++;
            counter.Until = now + Window;
            failures.Set(key, counter, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Window });
        }
    }

    public void Succeeded(string email, string? clientAddress) => failures.Remove(Key(email, clientAddress));

    public void Dispose() => failures.Dispose();

    private static string Key(string email, string? clientAddress) => $"{email.Trim().ToUpperInvariant()}|{clientAddress}";

    private sealed class Counter
    {
        public int Count { get; set; }

        public DateTimeOffset Until { get; set; }
    }
}

/// <summary>
/// A password hash to verify when the address has no account, so an unknown address takes as long to answer as a
/// known one with a wrong password (no timing tells which addresses have accounts).
/// </summary>
public sealed class DummyPasswordHash(IPasswordHasher<PortalUser> hasher)
{
    private static readonly PortalUser Nobody = new() { DisplayName = "", UserName = "nobody@invalid" };

    private readonly string hash = hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    public void Verify(string password) => hasher.VerifyHashedPassword(Nobody, hash, password);
}
