namespace BaliProcess.Web.Features.WorkPlans.FromDocument;

/// <summary>Registration of the write path for work plans from a document and its staff pages (decision 0033; one line in PortalSetup).</summary>
public static class WorkPlanFromDocumentSetup
{
    public static IServiceCollection AddWorkPlanFromDocumentEditing(this IServiceCollection services)
    {
        services.AddScoped<WorkPlanFromDocumentEditor>();
        services.AddScoped<StaffDraftWorkPlanReads>();
        return services;
    }
}
