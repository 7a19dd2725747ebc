using BaliProcess.Web.Infrastructure;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>Registration of the work-plan write path (one line in PortalSetup; the change log and its feeds are in Features/Changes).</summary>
public static class WorkPlanEditingSetup
{
    public static IServiceCollection AddWorkPlanEditing(this IServiceCollection services)
    {
        services.AddScoped<IEditorAccounts, IdentityEditorAccounts>();
        services.AddScoped<EditorAccess>();
        services.AddScoped<WorkPlanEditor>();
        services.AddScoped<StaffWorkPlanReads>();
        return services;
    }
}
