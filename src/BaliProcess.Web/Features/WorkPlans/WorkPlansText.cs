namespace BaliProcess.Web.Features.WorkPlans;

/// <summary>
/// The texts of the work-plan pages, the status editor and the editors' messages (WorkPlansText.resx,
/// WorkPlansText.id.resx).
/// </summary>
public sealed class WorkPlansText;
