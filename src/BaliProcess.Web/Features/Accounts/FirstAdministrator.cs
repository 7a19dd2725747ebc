using System.Security.Cryptography;
using BaliProcess.Data.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// At start-up: the two roles exist, and so does at least one active Administrator. When none does, the
/// Administrator comes from Admin:Email and Admin:Password; without them it is admin@localhost with a random
/// password that is written to the log this once and must be changed at first sign-in. No password is
/// ever stored anywhere but as Identity's hash.
/// </summary>
public static class FirstAdministrator
{
    public const string DefaultEmail = "admin@localhost";

    /// <summary>The start of the log line that carries the generated password (operators and tests look for it).</summary>
    public const string LogLinePrefix = "Initial administrator account";

    public static async Task<bool> EnsureAsync(IServiceProvider services, FirstAdministratorOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var roleManager = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"create the role {role}");
            }
        }

        var userManager = services.GetRequiredService<UserManager<PortalUser>>();
        var administrators = await userManager.GetUsersInRoleAsync(PortalRoles.Administrator);
        if (administrators.Any(a => !a.IsDisabled))
        {
            return true;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var fromConfiguration = !string.IsNullOrWhiteSpace(options.Email) && !string.IsNullOrEmpty(options.Password);
        var email = fromConfiguration ? options.Email!.Trim() : DefaultEmail;
        var password = fromConfiguration ? options.Password! : GeneratePassword();

        var user = await userManager.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == userManager.NormalizeEmail(email));
        if (user is null)
        {
            user = new PortalUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                MustChangePassword = !fromConfiguration,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                logger.LogCritical(
                    "The portal did not start: the first Administrator {Email} could not be created: {Reasons}",
                    email, string.Join(" ", created.Errors.Select(e => e.Description)));
                return false;
            }
        }
        else
        {
            // The account exists (an earlier Administrator was demoted or disabled by hand in the database):
            // give it back its role and a known password rather than locking everyone out.
            user.IsDisabled = false;
            user.MustChangePassword = !fromConfiguration;
            await userManager.UpdateAsync(user);
            await userManager.RemovePasswordAsync(user);
            var reset = await userManager.AddPasswordAsync(user, password);
            if (!reset.Succeeded)
            {
                logger.LogCritical(
                    "The portal did not start: the password for {Email} was refused: {Reasons}",
                    email, string.Join(" ", reset.Errors.Select(e => e.Description)));
                return false;
            }
        }

        Check(await userManager.AddToRoleAsync(user, PortalRoles.Administrator), "give the first Administrator its role");
        await services.GetRequiredService<AccountActivityLog>().RecordAsync(
            AccountActivityKind.AccountCreated, user, actorName: "start-up", detail: "first Administrator" + (fromConfiguration ? " from Admin:Email" : ""));

        if (fromConfiguration)
        {
            logger.LogWarning(LogLinePrefix + " {Email:l} created from Admin:Email and Admin:Password. Sign in at /account/sign-in.", email);
        }
        else
        {
            // Like other self-hosted tools, the one time the generated password is shown is here.
            logger.LogWarning(
                LogLinePrefix + ": sign in at /account/sign-in as {Email:l} with the password {Password:l} (shown only this once; you will be asked to choose a new one). Set Admin__Email and Admin__Password to choose the account instead.",
                email, password);
        }

        return true;
    }

    /// <summary>20 characters from a 56-symbol alphabet without look-alikes (about 116 bits).</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
