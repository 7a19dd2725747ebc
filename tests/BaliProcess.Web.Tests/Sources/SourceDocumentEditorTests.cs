using BaliProcess.Data.Model;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.Sources;
using BaliProcess.Web.Features.WorkPlans.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaliProcess.Web.Tests.Sources;

/// <summary>The source-document write path on a real PostgreSQL with real files: what is kept, what is refused, who may publish.</summary>
[Collection(SourcesCollection.Name)]
public sealed class SourceDocumentEditorTests(SourcesFixture fixture)
{
    [Fact]
    public async Task A_PDF_is_kept_with_its_bytes_media_type_text_pages_and_SHA256_as_a_draft()
    {
        var (user, principal) = await fixture.SecretariatAsync("Ayu Lestari");
        var marker = Guid.NewGuid().ToString("N");
        var pdf = SourceTestFiles.Pdf($"Co-Chairs' Statement {marker}\n1. The Working Group met in Bali.", "2. Members agreed the forward work plan.");

        var result = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Statement {marker}", pdf, "statement.pdf")));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var doc = await fixture.DocumentAsync(result.CreatedKey!);
        Assert.True(doc.IsDraft);
        Assert.Equal(RecordOrigin.Staff, doc.Origin);
        Assert.Equal($"statement-{marker}-2017", doc.Slug);
        Assert.Equal(doc.Slug + ".pdf", doc.FileName);
        Assert.Equal(new PartialDate(new DateOnly(2017, 5, 1), DatePrecision.Month), doc.Published);
        Assert.Equal("https://www.baliprocess.net/example.pdf", doc.OriginalUrl);
        var file = doc.File!;
        Assert.Equal(pdf, file.Content);
        Assert.Equal("application/pdf", file.MediaType);
        Assert.Equal("statement.pdf", file.OriginalFileName);
        Assert.Equal(pdf.LongLength, file.SizeBytes);
        Assert.Equal(SourcesFixture.Sha256(pdf), file.Sha256);
        Assert.Equal(2, file.PageCount);
        Assert.Contains($"Co-Chairs' Statement {marker}", file.Text, StringComparison.Ordinal);
        Assert.Contains("1. The Working Group met in Bali.", file.Text, StringComparison.Ordinal);
        Assert.Contains("\f", file.Text, StringComparison.Ordinal);
        Assert.Contains("2. Members agreed the forward work plan.", file.Text, StringComparison.Ordinal);
        Assert.Equal("Ayu Lestari", file.AddedBy);
        Assert.Equal(user.Id, file.AddedByUserId);
        Assert.Null(file.PublishedAt);
    }

    [Fact]
    public async Task A_DOCX_a_text_file_and_pasted_text_are_kept_with_their_text_and_SHA256()
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var marker = Guid.NewGuid().ToString("N");
        var docx = SourceTestFiles.Docx($"Outcomes of the Regional Symposium {marker}", "Key theme 1: labour exploitation in supply chains.");
        var text = SourceTestFiles.Utf8($"Outcome note {marker}\nParagraph one — with an em dash and “quotes”.\n");
        var pasted = $"Pasted statement {marker}\r\n1. First paragraph.";

        var fromDocx = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Docx {marker}", docx, "outcomes.docx")));
        var fromText = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Text {marker}", text, "note.txt", date: "2015")));
        var fromPaste = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Paste {marker}", pasted: pasted, date: null)));

        Assert.All([fromDocx, fromText, fromPaste], r => Assert.True(r.Succeeded, string.Join("; ", r.Problems.Select(p => p.Message))));
        var d = (await fixture.DocumentAsync(fromDocx.CreatedKey!)).File!;
        Assert.Equal(docx, d.Content);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", d.MediaType);
        Assert.Equal(SourcesFixture.Sha256(docx), d.Sha256);
        Assert.Equal($"Outcomes of the Regional Symposium {marker}\nKey theme 1: labour exploitation in supply chains.", d.Text);

        var t = await fixture.DocumentAsync(fromText.CreatedKey!);
        Assert.Equal(text, t.File!.Content);
        Assert.Equal("text/plain", t.File.MediaType);
        Assert.Equal(SourcesFixture.Sha256(text), t.File.Sha256);
        Assert.Equal($"Outcome note {marker}\nParagraph one — with an em dash and “quotes”.\n", t.File.Text);
        Assert.Equal(new PartialDate(new DateOnly(2015, 1, 1), DatePrecision.Year), t.Published);

        var p = await fixture.DocumentAsync(fromPaste.CreatedKey!);
        var kept = SourceTestFiles.Utf8($"Pasted statement {marker}\n1. First paragraph.");
        Assert.Equal(kept, p.File!.Content);
        Assert.Equal(SourcesFixture.Sha256(kept), p.File.Sha256);
        Assert.Equal(p.Slug + ".txt", p.File.OriginalFileName);
        Assert.Null(p.Published);
    }

    [Fact]
    public async Task The_same_file_twice_is_refused_naming_the_first_and_nothing_is_added()
    {
        var (_, first) = await fixture.SecretariatAsync("First Uploader");
        var (_, second) = await fixture.SecretariatAsync("Second Uploader");
        var marker = Guid.NewGuid().ToString("N");
        var pdf = SourceTestFiles.Pdf($"Only once {marker}");
        var added = await fixture.WithEditorAsync(e => e.AddAsync(first, SourcesFixture.Request($"The first {marker}", pdf, "once.pdf")));
        Assert.True(added.Succeeded);
        var before = await fixture.StoredAsync();

        var again = await fixture.WithEditorAsync(e => e.AddAsync(second, SourcesFixture.Request($"Another title {marker}", pdf, "renamed copy.pdf")));

        Assert.Equal(EditOutcome.Invalid, again.Outcome);
        var message = Assert.Single(again.Problems).Message;
        Assert.Contains($"already in the portal as “The first {marker}”", message, StringComparison.Ordinal);
        Assert.Contains($"/staff/sources/{added.CreatedKey}", message, StringComparison.Ordinal);
        Assert.Contains("First Uploader", message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty", "empty.pdf", "is empty (0 bytes)" },
        { "over the size cap", "big.txt", "at most 293 KB can be added" },
        { "over the page cap", "long.pdf", "has 4 pages; at most 3 can be added" },
        { "scanned", "scan.pdf", "has no text layer" },
        { "encrypted", "locked.pdf", "is protected with a password" },
        { "corrupt", "broken.pdf", "is damaged or not a PDF" },
        { "zip bomb", "bomb.docx", "would unpack to 2 MB; at most 1 MB is accepted" },
        { "zip of many entries", "many.docx", "holds 1,001 files inside" },
        { "zip that is not Word", "plain.docx", "not a Word document" },
        { "PDF named DOCX", "statement.docx", "is named as a Word document (DOCX, a zip file) but its content is a PDF" },
        { "text named PDF", "statement.pdf", "is named as a PDF but its content is plain text" },
        { "binary named text", "statement.txt", "is named as plain text but its content is neither a PDF, a Word document nor UTF-8 text" },
        { "other kind", "statement.doc", "is not a PDF (.pdf), Word (.docx) or plain-text (.txt) file" },
        { "only white space", "blank.txt", "holds only white space" },
    };

    private static byte[] BadFile(string kind) => kind switch
    {
        "empty" => [],
        "over the size cap" => SourceTestFiles.Utf8(new string('a', (int)SourcesFixture.MaxFileBytes + 1)),
        "over the page cap" => SourceTestFiles.Pdf("one", "two", "three", "four"),
        "scanned" => SourceTestFiles.PdfWithoutText(),
        "encrypted" => SourceTestFiles.EncryptedPdf(),
        "corrupt" => SourceTestFiles.CorruptPdf(),
        "zip bomb" => SourceTestFiles.DocxBomb(2 * 1024 * 1024),
        "zip of many entries" => SourceTestFiles.DocxOfManyEntries(1001),
        "zip that is not Word" => SourceTestFiles.DocxOfManyEntries(3),
        "PDF named DOCX" => SourceTestFiles.Pdf("A PDF after all"),
        "text named PDF" => SourceTestFiles.Utf8("Plain text, not a PDF"),
        "binary named text" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        "other kind" => SourceTestFiles.Utf8("An old Word file"),
        "only white space" => SourceTestFiles.Utf8("  \n\t\n  "),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_message_and_nothing_is_stored(string kind, string fileName, string expected)
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var before = await fixture.StoredAsync();

        var result = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Bad file: {kind}", BadFile(kind), fileName)));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("file", problem.Field);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(fileName, problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task Missing_or_wrong_details_are_refused_field_by_field_and_nothing_is_stored()
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var before = await fixture.StoredAsync();

        var result = await fixture.WithEditorAsync(e => e.AddAsync(principal, new AddSourceRequest(
            " ", "", "May 2017", "javascript:alert(1)", null, SourceTestFiles.Utf8("text"), "a.txt", "and pasted text")));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(["title", "publisher", "date", "originalUrl", "file"], result.Problems.Select(p => p.Field));
        Assert.Contains("not both", result.Problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task A_control_character_in_the_title_or_issuing_body_is_refused_by_name_and_nothing_is_stored()
    {
        var (_, principal) = await fixture.SecretariatAsync();
        var before = await fixture.StoredAsync();
        var request = SourcesFixture.Request($"Pasted\u000Btitle {Guid.NewGuid():N}", pasted: $"Text {Guid.NewGuid():N}") with { Publisher = "Issuer\u0007" };

        var result = await fixture.WithEditorAsync(e => e.AddAsync(principal, request));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal(["title", "publisher"], result.Problems.Select(p => p.Field));
        Assert.Contains("U+000B", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("U+0007", result.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.StoredAsync());
    }

    [Fact]
    public async Task Anonymous_unknown_role_less_and_disabled_callers_are_refused_at_the_service_and_nothing_is_written()
    {
        var (_, owner) = await fixture.SecretariatAsync();
        var draft = await fixture.WithEditorAsync(e => e.AddAsync(owner, SourcesFixture.Request($"Draft {Guid.NewGuid():N}", pasted: $"Draft text {Guid.NewGuid():N}")));
        Assert.True(draft.Succeeded);
        var (_, roleLess) = await fixture.AccountAsync("");
        var (_, disabled) = await fixture.AccountAsync(PortalRoles.Secretariat, disabled: true);
        var (disabledAdmin, adminPrincipal) = await fixture.AccountAsync(PortalRoles.Administrator, disabled: true);
        Assert.True(disabledAdmin.IsDisabled);
        var unknown = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new(System.Security.Claims.ClaimTypes.Role, PortalRoles.Administrator)], "forged"));
        var before = await fixture.StoredAsync();

        var callers = new (System.Security.Claims.ClaimsPrincipal? Principal, RefusalReason Reason)[]
        {
            (null, RefusalReason.Anonymous),
            (new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()), RefusalReason.Anonymous),
            (unknown, RefusalReason.UnknownAccount),
            (roleLess, RefusalReason.WrongRole),
            (disabled, RefusalReason.Disabled),
            (adminPrincipal, RefusalReason.Disabled),
        };
        foreach (var (principal, reason) in callers)
        {
            var add = await fixture.WithEditorAsync(e => e.AddAsync(principal, SourcesFixture.Request($"Refused {Guid.NewGuid():N}", pasted: $"Refused text {Guid.NewGuid():N}")));
            var publish = await fixture.WithEditorAsync(e => e.PublishAsync(principal, draft.CreatedKey!));
            Assert.Equal((EditOutcome.Refused, reason), (add.Outcome, add.Refusal!.Value));
            Assert.Equal((EditOutcome.Refused, reason), (publish.Outcome, publish.Refusal!.Value));
        }

        Assert.Equal(before, await fixture.StoredAsync());
        Assert.True((await fixture.DocumentAsync(draft.CreatedKey!)).IsDraft);
    }

    [Fact]
    public async Task The_uploader_cannot_publish_their_own_draft_a_second_user_can_and_only_once()
    {
        var (_, uploader) = await fixture.SecretariatAsync("Uploader");
        var (reviewer, reviewerPrincipal) = await fixture.AccountAsync(PortalRoles.Administrator, displayName: "Reviewer");
        var (_, third) = await fixture.SecretariatAsync("Third");
        var draft = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"Review me {Guid.NewGuid():N}", pasted: $"Review text {Guid.NewGuid():N}")));

        var own = await fixture.WithEditorAsync(e => e.PublishAsync(uploader, draft.CreatedKey!));
        Assert.Equal(EditOutcome.Invalid, own.Outcome);
        Assert.Contains("another Secretariat user or an Administrator publishes it", own.Problems[0].Message, StringComparison.Ordinal);
        Assert.True((await fixture.DocumentAsync(draft.CreatedKey!)).IsDraft);

        var published = await fixture.WithEditorAsync(e => e.PublishAsync(reviewerPrincipal, draft.CreatedKey!));
        Assert.True(published.Succeeded);
        var doc = await fixture.DocumentAsync(draft.CreatedKey!);
        Assert.False(doc.IsDraft);
        Assert.Equal("Reviewer", doc.File!.PublishedBy);
        Assert.Equal(reviewer.Id, doc.File.PublishedByUserId);
        Assert.NotNull(doc.File.PublishedAt);

        var again = await fixture.WithEditorAsync(e => e.PublishAsync(third, draft.CreatedKey!));
        Assert.Equal(EditOutcome.Invalid, again.Outcome);
        Assert.Contains("already published by Reviewer", again.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(EditOutcome.NotFound, (await fixture.WithEditorAsync(e => e.PublishAsync(third, "no-such-document"))).Outcome);
    }

    [Fact]
    public async Task With_AllowSelfPublish_the_uploader_may_publish_their_own()
    {
        var (_, uploader) = await fixture.SecretariatAsync("One-person secretariat");
        var draft = await fixture.WithEditorAsync(e => e.AddAsync(uploader, SourcesFixture.Request($"Alone {Guid.NewGuid():N}", pasted: $"Alone text {Guid.NewGuid():N}")));
        await using var scope = fixture.Portal.Services.CreateAsyncScope();
        var editor = ActivatorUtilities.CreateInstance<SourceDocumentEditor>(scope.ServiceProvider, Options.Create(new EditingOptions { AllowSelfPublish = true }));

        var published = await editor.PublishAsync(uploader, draft.CreatedKey!);

        Assert.True(published.Succeeded);
        Assert.False((await fixture.DocumentAsync(draft.CreatedKey!)).IsDraft);
    }
}
