using BaliProcess.Web.Features.WorkPlans.Changes;
using BaliProcess.Web.Infrastructure;

namespace BaliProcess.Web.Features.WorkPlans.Editing;

/// <summary>Registration of the work-plan write path, the change log and its feeds (one line each in PortalSetup).</summary>
public static class WorkPlanEditingSetup
{
    public static IServiceCollection AddWorkPlanEditing(this IServiceCollection services)
    {
        services.AddScoped<ChangeReads>();
        services.AddScoped<IEditorAccounts, IdentityEditorAccounts>();
        services.AddScoped<EditorAccess>();
        services.AddScoped<WorkPlanEditor>();
        services.AddScoped<StaffWorkPlanReads>();
        return services;
    }
}
