using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// ASP.NET Core Identity's messages in the page's language (AccountsText): those a person can see, the password rules,
/// a taken or invalid address, a wrong password. The codes stay Identity's; only the descriptions are the portal's.
/// </summary>
public sealed class PortalIdentityErrors(IStringLocalizer<AccountsText> text) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string english, params object[] args) =>
        new() { Code = code, Description = text[english, args] };

    public override IdentityError DefaultError() =>
        Error(nameof(DefaultError), "Something went wrong; nothing was changed.");

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), "Someone changed this account a moment ago; try again.");

    public override IdentityError PasswordMismatch() =>
        Error(nameof(PasswordMismatch), "The current password is not right.");

    public override IdentityError InvalidToken() =>
        Error(nameof(InvalidToken), "That code is not right or has expired.");

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), "That recovery code is not right or was used already.");

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), "Another account already uses this sign-in.");

    public override IdentityError InvalidUserName(string? userName) =>
        Error(nameof(InvalidUserName), "That e-mail address is not valid.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(nameof(InvalidEmail), "That e-mail address is not valid.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(nameof(DuplicateUserName), "An account with that e-mail address already exists.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(nameof(DuplicateEmail), "An account with that e-mail address already exists.");

    public override IdentityError InvalidRoleName(string? role) =>
        Error(nameof(InvalidRoleName), "Choose the role: Secretariat or Administrator.");

    public override IdentityError DuplicateRoleName(string role) =>
        Error(nameof(DuplicateRoleName), "That role exists already.");

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), "This account has a password already.");

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), "This account cannot be locked.");

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), "The account already has the role {0}.", text[role].Value);

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), "The account does not have the role {0}.", text[role].Value);

    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), "The password must be at least {0} characters long.", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), "The password must use at least {0} different characters.", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(nameof(PasswordRequiresNonAlphanumeric), "The password must contain a character that is neither a letter nor a digit.");

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), "The password must contain a digit.");

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), "The password must contain a lower-case letter.");

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), "The password must contain a capital letter.");
}
