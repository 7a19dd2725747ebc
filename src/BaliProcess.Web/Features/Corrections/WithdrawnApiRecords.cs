using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using BaliProcess.Web.Features.OpenData;

namespace BaliProcess.Web.Features.Corrections;

/// <summary>
/// An endpoint filter for the API's item addresses (decision 0030): when a record is not found because it was
/// withdrawn, the answer is 410 Gone with a problem+json body giving when and why, instead of 404.
/// </summary>
public static class WithdrawnApiRecords
{
    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<CorrectionsText>();

    /// <summary>The problem's words in the request's language (Accept-Language, as the API's other problems); the English ones when none is written.</summary>
    private static string Say(string english) => Texts.Text(english);

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var result = await next(context);
        // The endpoints answer Results<record, ApiNotFound>: the 404 is the union's inner result.
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound }
            || context.HttpContext.GetRouteValue("slug") is not string slug
            || (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is not { } pattern)
        {
            return result;
        }

        var withdrawals = context.HttpContext.RequestServices.GetRequiredService<Withdrawals>();
        var ct = context.HttpContext.RequestAborted;
        var withdrawn = pattern.EndsWith("/meetings/{slug}", StringComparison.Ordinal) ? await withdrawals.MeetingAsync(slug, ct)
            : pattern.EndsWith("/statements/{slug}", StringComparison.Ordinal) ? await withdrawals.StatementAsync(slug, ct)
            // Decision 0039: the other kinds with an API item of their own.
            : pattern.EndsWith("/work-plans/{slug}", StringComparison.Ordinal) ? await withdrawals.WorkPlanAsync(slug, ct)
            : pattern.EndsWith("/documents/{slug}", StringComparison.Ordinal) ? await withdrawals.DocumentAsync(slug, ct)
            : pattern.EndsWith("/working-groups/{slug}", StringComparison.Ordinal) ? await withdrawals.MechanismAsync(slug, ct)
            : pattern.EndsWith("/timeline-events/{slug}", StringComparison.Ordinal) ? await withdrawals.TimelineEventAsync(slug, ct)
            : null;
        return withdrawn is null ? result : Gone(withdrawn);
    }

    public static IResult Gone(WithdrawnRecord record) => TypedResults.Problem(
        title: Say("Withdrawn"),
        // One whole sentence a kind (word order differs); the title and the reason are the record's, as written. Dates as the API writes them.
        detail: string.Format(CultureInfo.InvariantCulture, Say($"The {record.What} “{{0}}” was withdrawn on {{1}}: {{2}}"),
            record.Title, record.WithdrawnAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record.Reason),
        statusCode: StatusCodes.Status410Gone,
        type: "https://www.rfc-editor.org/rfc/rfc9110#status.410",
        extensions: new Dictionary<string, object?>
        {
            ["withdrawnAt"] = record.WithdrawnAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["reason"] = record.Reason,
        });
}
