using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>
/// The account forms' validation messages in the page's language: DataAnnotations attributes name a property here
/// (<c>ErrorMessageResourceType = typeof(AccountsValidation), ErrorMessageResourceName = nameof(EnterEmail)</c>), and
/// each property reads its English text (the key) from AccountsText in the current UI culture.
/// </summary>
public static class AccountsValidation
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<AccountsText>();

    private static string Text(string english) => Texts.Text(english);

    public static string EnterEmail => Text("Enter your e-mail address.");

    public static string EnterPassword => Text("Enter your password.");

    public static string EnterCurrentPassword => Text("Enter your current password.");

    public static string EnterNewPassword => Text("Enter a new password.");

    public static string NewPasswordTooShort => Text("The new password must be at least 12 characters long.");

    public static string EnterNewPasswordAgain => Text("Enter the new password again.");

    public static string PasswordsDiffer => Text("The two new passwords are not the same.");

    public static string EnterCode => Text("Enter the six-digit code.");

    public static string CodeHasSixDigits => Text("The code has six digits.");

    public static string EnterRecoveryCode => Text("Enter a recovery code.");

    public static string GiveName => Text("Give the account a name.");

    public static string GiveEmail => Text("Give an e-mail address.");

    public static string InvalidEmail => Text("That e-mail address is not valid.");

    public static string GiveInitialPassword => Text("Give an initial password.");

    public static string InitialPasswordTooShort => Text("The initial password must be at least 12 characters long.");

    public static string TooLong => Text("That is too long.");
}
