namespace BaliProcess.Web.Features.Meetings.Adding;

/// <summary>Registration of the meeting write path and its staff pages (decision 0029; one line in PortalSetup).</summary>
public static class MeetingEditingSetup
{
    public static IServiceCollection AddMeetingEditing(this IServiceCollection services)
    {
        services.AddScoped<MeetingEditor>();
        services.AddScoped<StaffMeetingReads>();
        return services;
    }
}
