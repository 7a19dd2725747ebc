using BaliProcess.Web.Features.Sources.Adding;
using BaliProcess.Web.Features.Sources.Publishing;

namespace BaliProcess.Web.Features.Sources;

/// <summary>Registration of the source-document write path and its staff pages (decision 0021; one line in PortalSetup).</summary>
public static class SourceEditingSetup
{
    public static IServiceCollection AddSourceEditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SourceFileOptions>(configuration.GetSection(SourceFileOptions.Section));
        services.Configure<EditingOptions>(configuration.GetSection(EditingOptions.Section));
        services.AddScoped<SourceDocumentEditor>();
        services.AddScoped<StaffSourceReads>();
        return services;
    }
}
