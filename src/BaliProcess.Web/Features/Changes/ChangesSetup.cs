namespace BaliProcess.Web.Features.Changes;

/// <summary>Registration of /changes, its feeds and API, and the history pages' reads (one line in PortalSetup).</summary>
public static class ChangesSetup
{
    public static IServiceCollection AddChanges(this IServiceCollection services)
    {
        services.AddScoped<ChangeReads>();
        services.AddScoped<RecordHistoryReads>();
        return services;
    }
}
