namespace BaliProcess.Web.Features.Accounts;

/// <summary>The Accounts pages' and services' interface texts (AccountsText.resx English, AccountsText.id.resx Bahasa Indonesia; docs/decisions/0042).</summary>
public sealed class AccountsText;
