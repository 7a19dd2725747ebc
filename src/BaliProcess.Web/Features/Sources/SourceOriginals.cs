using BaliProcess.Data;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace BaliProcess.Web.Features.Sources;

/// <summary>
/// Downloads of the original file of a document added in the portal: the public one answers only for published
/// documents (the query filter leaves drafts out, so a draft is a 404 like an unknown slug); the staff one, for
/// reviewers, answers for drafts too. Read straight from PostgreSQL, never through the output cache (files are large
/// and rarely asked for).
/// </summary>
public static class SourceOriginals
{
    public static IEndpointRouteBuilder MapSourceOriginals(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalRoutes.SourceOriginalTemplate, (string slug, IDbContextFactory<BaliProcessDbContext> dbFactory, HttpContext context, CancellationToken ct) =>
                FileAsync(slug, includeDrafts: false, dbFactory, context, ct))
            .ExcludeFromDescription();
        app.MapGet(PortalRoutes.StaffSourceOriginalTemplate, (string slug, IDbContextFactory<BaliProcessDbContext> dbFactory, HttpContext context, CancellationToken ct) =>
                FileAsync(slug, includeDrafts: true, dbFactory, context, ct))
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Editors })
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> FileAsync(string slug, bool includeDrafts, IDbContextFactory<BaliProcessDbContext> dbFactory, HttpContext context, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var files = includeDrafts ? db.SourceDocumentFiles.IgnoreQueryFilters() : db.SourceDocumentFiles;
        var file = await files.AsNoTracking()
            .Where(f => f.Document!.Slug == slug)
            .Select(f => new { f.Content, f.MediaType, f.OriginalFileName, f.Sha256 })
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return Results.NotFound();
        }

        // A draft's download must not be kept by a shared cache; a published original never changes (its hash is its ETag).
        context.Response.Headers.CacheControl = includeDrafts ? "private, no-store" : "public, max-age=3600";
        var type = file.MediaType == Adding.SourceFileReader.TextType ? "text/plain; charset=utf-8" : file.MediaType;
        return Results.File(file.Content, type, file.OriginalFileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }
}
