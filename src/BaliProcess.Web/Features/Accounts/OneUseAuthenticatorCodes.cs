using BaliProcess.Data;
using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// The authenticator app's codes, each accepted once (ASVS 2.8.4). Identity's own provider accepts any code of the
/// window again until the window has passed, so a code seen over a shoulder or in a proxy log signs in a second time.
/// This one remembers the last accepted time step per account and accepts only a later one. The step is claimed in
/// one conditional statement, so two requests racing with the same code cannot both pass, on one instance or two.
/// </summary>
public sealed class OneUseAuthenticatorCodes(BaliProcessDbContext db, TimeProvider time, ILogger<OneUseAuthenticatorCodes> logger)
    : IUserTwoFactorTokenProvider<PortalUser>
{
    /// <summary>Where the last accepted step is kept: a row of Identity's token table, beside the key itself.</summary>
    public const string StoreName = "[PortalAuthenticator]";
    public const string LastStepName = "LastAcceptedTimeStep";

    // One step either side of now (30 s each): a phone clock a little off, or a code typed as it turned over.
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, Window))
        {
            return false;
        }

        var claimed = await ClaimStepAsync(user.Id, step);
        if (!claimed)
        {
            logger.LogWarning("An authenticator code already used was offered again for account {UserId}; refused", user.Id);
        }

        return claimed;
    }

    /// <summary>Records <paramref name="step"/> as the last accepted one if it is later than the one recorded; false if not.</summary>
    private async Task<bool> ClaimStepAsync(string userId, long step)
    {
        var value = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO user_tokens (user_id, login_provider, name, value)
            VALUES ({userId}, {StoreName}, {LastStepName}, {value})
            ON CONFLICT (user_id, login_provider, name) DO UPDATE SET value = excluded.value
            WHERE user_tokens.value::bigint < excluded.value::bigint
            """);
        return rows == 1;
    }
}
