namespace BaliProcess.Web.Features.Documents.Adding;

/// <summary>Registration of the outcome-document write path and its staff pages (decision 0033; one line in PortalSetup).</summary>
public static class OutcomeDocumentEditingSetup
{
    public static IServiceCollection AddOutcomeDocumentEditing(this IServiceCollection services)
    {
        services.AddScoped<OutcomeDocumentEditor>();
        services.AddScoped<StaffOutcomeDocumentReads>();
        return services;
    }
}
