namespace BaliProcess.Web.Features.Corrections;

/// <summary>Registration of corrections and withdrawals (decision 0030; one line in PortalSetup).</summary>
public static class CorrectionsSetup
{
    public static IServiceCollection AddCorrections(this IServiceCollection services)
    {
        services.AddScoped<CorrectionEditor>();
        services.AddScoped<CorrectionReads>();
        services.AddScoped<Withdrawals>();
        return services;
    }
}
