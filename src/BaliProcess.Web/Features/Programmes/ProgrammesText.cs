namespace BaliProcess.Web.Features.Programmes;

/// <summary>The texts of the Programmes pages and services (docs/decisions/0042): ProgrammesText.resx and ProgrammesText.id.resx.</summary>
public sealed class ProgrammesText;
