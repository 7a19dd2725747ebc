using BaliProcess.Web.Components.Shared;
using Microsoft.AspNetCore.Http.Extensions;

namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// Public list addresses once carried the code's names in their filters ("/meetings?kind=MinisterialConference",
/// "/work-plans/x?status=ForAction"); they now carry the pages' words ("ministerial-conference", "for-action",
/// <see cref="UrlWords"/>). An old address, bookmarked or linked from elsewhere, is moved permanently (301) to
/// the new one, so that each list has one address. Only <c>kind</c> and <c>status</c> on public pages and
/// downloads: the API documents its own enum values (it accepts both forms and answers either without a move).
/// </summary>
public static class LegacyEnumQueryRedirect
{
    private static readonly string[] Keys = ["kind", "status"];

    public static void UseLegacyEnumQueryRedirect(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.QueryString.HasValue || IsExcluded(request.Path))
        {
            return next(context);
        }

        var query = request.Query;
        if (!Keys.Any(k => query[k].Any(IsOldName)))
        {
            return next(context);
        }

        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            foreach (var value in values)
            {
                builder.Add(key, Keys.Contains(key, StringComparer.Ordinal) && IsOldName(value) ? UrlWords.FromCodeName(value!) : value ?? "");
            }
        }

        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = request.PathBase + request.Path + builder.ToQueryString();
        return Task.CompletedTask;
    });

    /// <summary>A value written as the code names one of the kinds a public filter takes (not any capitalised word: "Bogus" stays, and is ignored by the page).</summary>
    private static bool IsOldName(string? value) =>
        value is not null && UrlWords.IsCodeName(value)
        && (Enum.TryParse<Data.Model.MeetingKind>(value, out _) || Enum.TryParse<Data.Model.ParticipantKind>(value, out _)
            || Enum.TryParse<Data.Model.OutcomeDocumentKind>(value, out _) || Enum.TryParse<Data.Model.ActionItemStatus>(value, out _));

    private static bool IsExcluded(PathString path) =>
        path.StartsWithSegments(Components.PortalRoutes.ApiPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
}
