using System.Security.Claims;
using System.Security.Cryptography;
using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Sources;

/// <summary>
/// A portal of its own for the source-document and statement tests (they add documents and statements), with small limits so the caps can be
/// reached with small real files: 300 KB a file, 3 pages a PDF, 1 MB unpacked a DOCX.
/// </summary>
public sealed class SourcesFixture() : StaffPortalFixture(new Dictionary<string, string>
{
    ["Sources:MaxFileBytes"] = MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Sources:MaxPages"] = MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Sources:MaxDocxUncompressedBytes"] = MaxDocxUncompressedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
})
{
    public const long MaxFileBytes = 300_000;
    public const int MaxPages = 3;
    public const long MaxDocxUncompressedBytes = 1024 * 1024;

    public Task<T> WithEditorAsync<T>(Func<SourceDocumentEditor, Task<T>> action) => WithServiceAsync(action);

    /// <summary>The statement write path (decision 0024), whose tests share this portal: statements come from documents added here.</summary>
    public Task<T> WithStatementEditorAsync<T>(Func<BaliProcess.Web.Features.Statements.Adding.StatementEditor, Task<T>> action) => WithServiceAsync(action);

    /// <summary>The meeting write path (decision 0029), whose tests share this portal: meetings come from documents added here.</summary>
    public Task<T> WithMeetingEditorAsync<T>(Func<BaliProcess.Web.Features.Meetings.Adding.MeetingEditor, Task<T>> action) => WithServiceAsync(action);

    /// <summary>Any service of the portal, from a scope of its own (the correction tests, decision 0030).</summary>
    public Task<T> WithPortalServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull => WithServiceAsync(action);

    /// <summary>Documents and files in the database, drafts included: what a refused request must leave unchanged.</summary>
    public async Task<(int Documents, int Files)> StoredAsync()
    {
        await using var db = Portal.Database.CreateContext();
        return (await db.SourceDocuments.IgnoreQueryFilters().CountAsync(), await db.SourceDocumentFiles.IgnoreQueryFilters().CountAsync());
    }

    /// <summary>A document as stored, drafts included, with its file.</summary>
    public async Task<SourceDocument> DocumentAsync(string slug)
    {
        await using var db = Portal.Database.CreateContext();
        return await db.SourceDocuments.IgnoreQueryFilters().AsNoTracking().Include(d => d.File).SingleAsync(d => d.Slug == slug);
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A request with the metadata every test gives, and the file or text it is about.</summary>
    public static AddSourceRequest Request(string title, byte[]? file = null, string? fileName = null, string? pasted = null, string? date = "2017-05") =>
        new(title, "Co-Chairs of the Bali Process Trafficking in Persons Working Group", date, "https://www.baliprocess.net/example.pdf", null, file, fileName, pasted);
}

[CollectionDefinition(Name)]
public sealed class SourcesCollection : ICollectionFixture<SourcesFixture>
{
    public const string Name = "sources";
}

/// <summary>
/// A second portal like the sources one, for the tests of records entered from documents, their corrections and
/// withdrawals: one collection's tests run one after another, and all of them in one collection made it the suite's
/// longest chain (docs/testing.md, "Where the suite's time goes").
/// </summary>
[CollectionDefinition(Name)]
public sealed class RecordsFromDocumentsCollection : ICollectionFixture<SourcesFixture>
{
    public const string Name = "records from documents";
}
