namespace BaliProcess.Web.Features.Statements.Adding;

/// <summary>Registration of the statement write path and its staff pages (decision 0024; one line in PortalSetup).</summary>
public static class StatementEditingSetup
{
    public static IServiceCollection AddStatementEditing(this IServiceCollection services)
    {
        services.AddScoped<StatementEditor>();
        services.AddScoped<StaffStatementReads>();
        return services;
    }
}
