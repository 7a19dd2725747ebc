using Microsoft.AspNetCore.Identity;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>Identity's refusals in the portal's words.</summary>
public static class AccountMessages
{
    public static string Describe(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(" ", result.Errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => "The current password is not right.",
            nameof(IdentityErrorDescriber.PasswordTooShort) => "The password must be at least 12 characters long.",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "The password must use at least 4 different characters.",
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "An account with that e-mail address already exists.",
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "That e-mail address is not valid.",
            _ => e.Description,
        }).Distinct());
    }
}
