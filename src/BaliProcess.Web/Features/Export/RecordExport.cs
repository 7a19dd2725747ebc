using System.Globalization;
using System.Security.Claims;
using BaliProcess.Data;
using BaliProcess.Data.Seeding;
using BaliProcess.Web.Components;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace BaliProcess.Web.Features.Export;

/// <summary>
/// The whole record, seed and staff alike, drafts, history and revisions included, in the seed-data format
/// (<see cref="SeedExporter"/>, decision 0031): a zip for an Administrator at /staff/export, or a folder from the command
/// line (<c>dotnet run --project src/BaliProcess.Web -- export &lt;folder&gt;</c>). Loading it is a start-up with
/// <c>Database:SeedDirectory</c> set to the unpacked folder, on an empty database.
/// </summary>
public sealed class RecordExport(
    IDbContextFactory<BaliProcessDbContext> dbFactory,
    EditorAccess access,
    IEditorAccounts accounts,
    TimeProvider time,
    ILogger<RecordExport> logger)
{
    /// <summary>
    /// Writes the zip for <paramref name="user"/> if the account store (not the cookie) says it is an enabled
    /// Administrator with a live session; otherwise writes nothing and returns the reason. Drafts and staff names are
    /// in it, so it is for Administrators only, as the accounts page is.
    /// </summary>
    public async Task<(ExportSummary? Summary, RefusalReason? Refusal)> ExportZipAsync(ClaimsPrincipal? user, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (editor, refusal) = await access.CheckAsync(user, "export the record", ct);
        if (editor is null)
        {
            return (null, refusal);
        }

        if ((await accounts.FindAsync(editor.UserId, ct))?.Roles.Contains(PortalRoles.Administrator) != true)
        {
            logger.LogWarning("Refused export the record: {Reason} (user id {UserId}, name {UserName})", RefusalReason.WrongRole, editor.UserId, editor.DisplayName);
            return (null, RefusalReason.WrongRole);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var summary = await new SeedExporter(db).ExportToZipAsync(output, ct);
        logger.LogInformation(
            "Record exported by {Editor} ({UserId}): {Records} records ({Staff} staff, {Drafts} drafts) in {Files} files",
            editor.DisplayName, editor.UserId, summary.Records, summary.StaffRecords, summary.Drafts, summary.Files);
        return (summary, null);
    }

    /// <summary>The download's name: the portal and the day (UTC) of the export.</summary>
    public string FileName() => string.Create(CultureInfo.InvariantCulture, $"baliprocess-record-{time.GetUtcNow():yyyy-MM-dd}.zip");

    /// <summary>The command line's export: everything into <paramref name="folder"/>, nothing written to the database.</summary>
    public async Task<ExportSummary> ExportFolderAsync(string folder, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await new SeedExporter(db).ExportToFolderAsync(folder, ct);
    }
}

public static class RecordExportSetup
{
    public static IServiceCollection AddRecordExport(this IServiceCollection services) => services.AddScoped<RecordExport>();

    /// <summary>GET /staff/export: the zip, for Administrators (the cookie's role first, then the account store in the service).</summary>
    public static IEndpointRouteBuilder MapRecordExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(PortalRoutes.StaffExport, async (HttpContext http, RecordExport export, Microsoft.Extensions.Localization.IStringLocalizer<ExportText> text, CancellationToken ct) =>
            {
                // Built in memory first, so a refusal or a failure is an answer, never half a zip.
                using var buffer = new MemoryStream();
                var (_, refusal) = await export.ExportZipAsync(http.User, buffer, ct);
                http.Response.Headers.CacheControl = "private, no-store";
                if (refusal is { } r)
                {
                    return Results.Text(
                        r == RefusalReason.WrongRole ? text["Only an Administrator may download the whole record."] : text["The export was refused ({0}): sign in again as an Administrator.", r],
                        "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
                }

                return Results.File(buffer.ToArray(), "application/zip", export.FileName());
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = PortalRoles.Administrator })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// <c>export &lt;folder&gt;</c> on the command line: writes the record into the folder and stops; the database is
    /// read in one snapshot and never written (no migration, no seed load). Returns the process's exit code.
    /// </summary>
    public static async Task<int> ExportRecordAsync(this WebApplication app, string folder)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BaliProcess.Export");
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<RecordExport>().ExportFolderAsync(Path.GetFullPath(folder));
            logger.LogInformation(
                "Record exported to {Folder}: {Records} records ({Staff} staff, {Drafts} drafts) in {Files} files",
                Path.GetFullPath(folder), summary.Records, summary.StaffRecords, summary.Drafts, summary.Files);
            return 0;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            logger.LogError("The record could not be exported to {Folder}: {Reason}", folder, e.Message);
            return 1;
        }
    }
}
