namespace BaliProcess.Web.Features.WorkingGroups;

/// <summary>The texts of the WorkingGroups pages and services (docs/decisions/0042): WorkingGroupsText.resx and WorkingGroupsText.id.resx.</summary>
public sealed class WorkingGroupsText;
