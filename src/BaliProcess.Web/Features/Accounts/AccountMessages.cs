using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>Identity's refusals in the portal's words, in the page's language.</summary>
public static class AccountMessages
{
    public static string Describe(IdentityResult result, IStringLocalizer<AccountsText> text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(" ", result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => text["The current password is not right."].Value,
            nameof(IdentityErrorDescriber.PasswordTooShort) => text["The password must be at least 12 characters long."].Value,
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => text["The password must use at least 4 different characters."].Value,
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => text["An account with that e-mail address already exists."].Value,
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => text["That e-mail address is not valid."].Value,
            _ => e.Description,
        }).Distinct());
    }
}
