namespace BaliProcess.Web.Features.Statements;

/// <summary>The texts of the statements pages, their editors and services (StatementsText.resx, StatementsText.id.resx).</summary>
public sealed class StatementsText;
