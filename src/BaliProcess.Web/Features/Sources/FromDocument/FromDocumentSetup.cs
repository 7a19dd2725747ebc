using BaliProcess.Web.Features.Notes.Adding;
using BaliProcess.Web.Features.People.Adding;
using BaliProcess.Web.Features.Timeline.Adding;

namespace BaliProcess.Web.Features.Sources.FromDocument;

/// <summary>Registration of the write paths for people's roles, timeline events, disagreements and open questions (decision 0035; one line in PortalSetup).</summary>
public static class FromDocumentSetup
{
    public static IServiceCollection AddRecordsFromDocuments(this IServiceCollection services)
    {
        services.AddScoped<PersonRoleEditor>();
        services.AddScoped<TimelineEventEditor>();
        services.AddScoped<NoteEditor>();
        services.AddScoped<FromDocumentReads>();
        return services;
    }
}
