namespace BaliProcess.Web.Features.People;

/// <summary>The texts of the People pages and services (docs/decisions/0042): PeopleText.resx and PeopleText.id.resx.</summary>
public sealed class PeopleText;
