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
        if (!Keys.Any(k => query[k].Any(v => v is not null && UrlWords.IsCodeName(v))))
        {
            return next(context);
        }

        var builder = new QueryBuilder();
        foreach (var (key, values) in query)
        {
            foreach (var value in values)
            {
                builder.Add(key, Keys.Contains(key, StringComparer.Ordinal) && value is not null ? UrlWords.FromCodeName(value) : value ?? "");
            }
        }

        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = request.PathBase + request.Path + builder.ToQueryString();
        return Task.CompletedTask;
    });

    private static bool IsExcluded(PathString path) =>
        path.StartsWithSegments(Components.PortalRoutes.ApiPrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);
}
