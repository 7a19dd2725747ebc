using BaliProcess.Data;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>
/// Reads the account and its roles from Identity's tables with a new context each time: an editor circuit
/// lives for hours, and a tracked copy (UserManager's scoped context) would miss a disable or a demotion.
/// </summary>
public sealed class IdentityEditorAccounts(IDbContextFactory<BaliProcessDbContext> dbFactory) : IEditorAccounts
{
    public async Task<EditorAccount?> FindAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, u.SecurityStamp, u.MustChangePassword, u.TwoFactorEnabled })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);

        // A locked-out account (too many failed sign-ins) may not write either until the lockout ends.
        var lockedOut = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
        return new EditorAccount(user.Id, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName, user.IsDisabled || lockedOut, roles)
        {
            SecurityStamp = user.SecurityStamp,
            MustChangePassword = user.MustChangePassword,
            TwoFactorEnabled = user.TwoFactorEnabled,
        };
    }
}
