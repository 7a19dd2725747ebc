using BaliProcess.Web.Infrastructure.Languages;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace BaliProcess.Web.Features.Sources.Adding;

/// <summary>Configuration section "Sources": the limits on a file staff add (decision 0021).</summary>
public sealed class SourceFileOptions
{
    public const string Section = "Sources";

    /// <summary>The largest file accepted. Kestrel refuses request bodies over 30 MB before the portal sees them.</summary>
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>The most pages a PDF may have.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>The most a DOCX may unpack to, by the sizes its zip directory declares, checked before any part is read.</summary>
    public long MaxDocxUncompressedBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>The most entries a DOCX's zip may have (a Word document has a few dozen).</summary>
    public int MaxDocxEntries { get; set; } = 1000;
}

/// <summary>What a file is, as its bytes say.</summary>
public enum SourceFileKind
{
    Pdf,
    Docx,
    Text,
}

/// <summary>A file that was read: its kind, media type, text and (for a PDF) page count.</summary>
public sealed record SourceFileText(SourceFileKind Kind, string MediaType, string Text, int? PageCount)
{
    public string Extension => Kind switch
    {
        SourceFileKind.Pdf => ".pdf",
        SourceFileKind.Docx => ".docx",
        _ => ".txt",
    };
}

/// <summary>Either the text of the file or the one sentence that says why it cannot be added.</summary>
public sealed record SourceFileOutcome(SourceFileText? File, string? Problem)
{
    public static SourceFileOutcome Refused(string problem) => new(null, problem);
}

/// <summary>
/// Checks an uploaded file and extracts its text, never trusting its name or the type the browser declared: the
/// name says what the uploader means it to be, the first bytes what it is, and the two must agree. Every refusal
/// is a sentence the uploader can act on; nothing here throws for bad input.
/// </summary>
public static class SourceFileReader
{
    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TextType = "text/plain";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceFileOutcome Read(byte[] content, string? fileName, SourceFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var name = string.IsNullOrWhiteSpace(fileName) ? Text("the file") : Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return SourceFileOutcome.Refused(Text("{0} is empty (0 bytes).", name));
        }

        if (content.LongLength > options.MaxFileBytes)
        {
            return SourceFileOutcome.Refused(Text("{0} is {1}; at most {2} can be added.", name, Size(content.LongLength), Size(options.MaxFileBytes)));
        }

        var declared = KindOfName(fileName);
        if (declared is null)
        {
            return SourceFileOutcome.Refused(Text("{0} is not a PDF (.pdf), Word (.docx) or plain-text (.txt) file; save it as one of these (an old .doc as .docx) and add it again.", name));
        }

        var actual = KindOfContent(content);
        if (actual != declared)
        {
            return SourceFileOutcome.Refused(
                Text("{0} is named as {1} but its content is {2}; nothing was added.", name, Describe(declared.Value), actual is { } a ? Describe(a) : Text("neither a PDF, a Word document nor UTF-8 text")));
        }

        return declared switch
        {
            SourceFileKind.Pdf => ReadPdf(content, name, options),
            SourceFileKind.Docx => ReadDocx(content, name, options),
            _ => ReadText(content, name),
        };
    }

    /// <summary>The kind the file's name claims (by its extension), or null for any other.</summary>
    public static SourceFileKind? KindOfName(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".pdf" => SourceFileKind.Pdf,
            ".docx" => SourceFileKind.Docx,
            ".txt" or ".text" => SourceFileKind.Text,
            _ => null,
        };

    /// <summary>What the first bytes say: "%PDF-", a zip's local header, or UTF-8 text without NUL characters.</summary>
    public static SourceFileKind? KindOfContent(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return SourceFileKind.Pdf;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return SourceFileKind.Docx;
        }

        return content.IndexOf((byte)0) < 0 && IsUtf8(content) ? SourceFileKind.Text : null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static SourceFileOutcome ReadPdf(byte[] content, string name, SourceFileOptions options)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            if (document.NumberOfPages > options.MaxPages)
            {
                return SourceFileOutcome.Refused(Text("{0} has {1:N0} pages; at most {2:N0} can be added.", name, document.NumberOfPages, options.MaxPages));
            }

            if (document.NumberOfPages == 0)
            {
                return SourceFileOutcome.Refused(Text("{0} has no pages.", name));
            }

            var text = Clean(PagesText(document.GetPages()));
            if (!text.Any(char.IsLetterOrDigit))
            {
                return SourceFileOutcome.Refused(
                    Text("{0} has no text layer (a scanned document, pictures of pages): the portal cannot read it. Run it through text recognition (OCR), or paste the text, and add it again.", name));
            }

            return new SourceFileOutcome(new SourceFileText(SourceFileKind.Pdf, PdfType, text, document.NumberOfPages), null);
        }
        catch (PdfDocumentEncryptedException)
        {
            return SourceFileOutcome.Refused(Text("{0} is protected with a password, so its text cannot be read. Add an unprotected copy.", name));
        }
#pragma warning disable CA1031 // A damaged PDF makes PdfPig throw many kinds of exception; each means "cannot read this file".
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
#pragma warning restore CA1031
        {
            return SourceFileOutcome.Refused(Text("{0} is damaged or not a PDF the portal can read ({1}).", name, Short(e.Message)));
        }
    }

    /// <summary>One line of a PDF page: its baseline, where it begins and ends across the page, and its words.</summary>
    internal sealed record PdfLine(double Bottom, double Left, double Right, string Text);

    /// <summary>
    /// The pages' text, separated by form feeds (as pdftotext does, so a place can still be given by page). A page break
    /// by itself does not end a paragraph: a paragraph that runs on over the page is one paragraph (decision 0036). Where
    /// the page's last line stops well short of the text's right edge (as a paragraph's last line does), the paragraph
    /// ends with the page, and a blank line comes before the form feed, as between paragraphs on a page.
    /// </summary>
    internal static string PagesText(IEnumerable<UglyToad.PdfPig.Content.Page> pages)
    {
        var read = pages.Select(p => (Page: p, Lines: PageLines(p))).ToList();
        var all = read.SelectMany(p => p.Lines).ToList();
        var left = all.Count == 0 ? 0 : all.Min(l => l.Left);
        var right = all.Count == 0 ? 0 : all.Max(l => l.Right);

        // The document's usual line spacing, not each page's: a short page may hold more paragraph gaps than line gaps.
        var spacing = Spacing([.. read.SelectMany(p => Gaps(p.Lines))]);
        var text = new StringBuilder();
        for (var i = 0; i < read.Count; i++)
        {
            var (page, lines) = read[i];
            if (i > 0)
            {
                text.Append('\f');
            }

            text.Append(lines.Count == 0 ? ContentOrderTextExtractor.GetText(page).Trim() : LinesText(lines, spacing));
            if (i < read.Count - 1 && lines.Count > 0 && lines[^1].Right < left + (right - left) * 0.8)
            {
                text.Append("\n\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A page's text, line by line from the top (words on the same baseline make a line), with a blank line where the
    /// vertical gap between two lines is larger than the usual line spacing (in a whole PDF, the document's): real PDFs
    /// separate paragraphs by space, not by empty lines (decision 0036). A page whose words cannot be placed falls back to
    /// PdfPig's content order.
    /// </summary>
    internal static string PageText(UglyToad.PdfPig.Content.Page page)
    {
        var lines = PageLines(page);
        return lines.Count == 0 ? ContentOrderTextExtractor.GetText(page).Trim() : LinesText(lines, Spacing([.. Gaps(lines)]));
    }

    /// <summary>The page's lines from the top: words whose baselines round to the same point, left to right.</summary>
    internal static IReadOnlyList<PdfLine> PageLines(UglyToad.PdfPig.Content.Page page) =>
        page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => new PdfLine(g.Key, g.Min(w => w.BoundingBox.Left), g.Max(w => w.BoundingBox.Right),
                string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))
            .ToList();

    /// <summary>The lines' text, a blank line where the gap to the next line is well over <paramref name="spacing"/>.</summary>
    private static string LinesText(IReadOnlyList<PdfLine> lines, double spacing)
    {
        var text = new StringBuilder(lines[0].Text);
        for (var i = 1; i < lines.Count; i++)
        {
            var gap = lines[i - 1].Bottom - lines[i].Bottom;
            text.Append(spacing > 0 && gap > spacing * 1.4 ? "\n\n" : "\n").Append(lines[i].Text);
        }

        return text.ToString().Trim();
    }

    private static IEnumerable<double> Gaps(IReadOnlyList<PdfLine> lines) =>
        lines.Zip(lines.Skip(1), (a, b) => a.Bottom - b.Bottom).Where(g => g > 0);

    /// <summary>The usual line spacing: the lower median of the gaps between consecutive lines (0 with none).</summary>
    private static double Spacing(List<double> gaps)
    {
        gaps.Sort();
        return gaps.Count == 0 ? 0 : gaps[(gaps.Count - 1) / 2];
    }

    private static SourceFileOutcome ReadDocx(byte[] content, string name, SourceFileOptions options)
    {
        try
        {
            // A zip bomb is refused before anything is unpacked: by the entry count and the sizes the zip's
            // directory declares. The XML parts are then read with a character limit per part as well, so a
            // directory that understates a size cannot unpack more than that limit.
            using (var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read))
            {
                if (zip.Entries.Count > options.MaxDocxEntries)
                {
                    return SourceFileOutcome.Refused(Text("{0} holds {1:N0} files inside; a Word document has far fewer (at most {2:N0} are accepted).", name, zip.Entries.Count, options.MaxDocxEntries));
                }

                var unpacked = zip.Entries.Sum(e => e.Length);
                if (unpacked > options.MaxDocxUncompressedBytes)
                {
                    return SourceFileOutcome.Refused(Text("{0} would unpack to {1}; at most {2} is accepted.", name, Size(unpacked), Size(options.MaxDocxUncompressedBytes)));
                }
            }

            using var stream = new MemoryStream(content, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = options.MaxDocxUncompressedBytes });
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return SourceFileOutcome.Refused(Text("{0} is a zip file but not a Word document.", name));
            }

            var text = Clean(string.Join("\n", body.Descendants<Paragraph>().Select(ParagraphText)));
            if (!text.Any(char.IsLetterOrDigit))
            {
                return SourceFileOutcome.Refused(Text("{0} has no text.", name));
            }

            return new SourceFileOutcome(new SourceFileText(SourceFileKind.Docx, DocxType, text, null), null);
        }
        catch (Exception e) when (e is InvalidDataException or OpenXmlPackageException or XmlException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return SourceFileOutcome.Refused(Text("{0} is damaged or not a Word document the portal can read ({1}).", name, Short(e.Message)));
        }
    }

    /// <summary>A paragraph's text with its tabs and line breaks, which InnerText drops.</summary>
    private static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    builder.Append(t.Text);
                    break;
                case TabChar:
                    builder.Append('\t');
                    break;
                case Break or CarriageReturn:
                    builder.Append('\n');
                    break;
            }
        }

        return builder.ToString();
    }

    private static SourceFileOutcome ReadText(byte[] content, string name)
    {
        var text = Clean(StrictUtf8.GetString(content).TrimStart('\uFEFF'));
        if (text.Trim().Length == 0)
        {
            return SourceFileOutcome.Refused(Text("{0} holds only white space.", name));
        }

        return new SourceFileOutcome(new SourceFileText(SourceFileKind.Text, TextType, text, null), null);
    }

    /// <summary>
    /// Control characters other than tab, line breaks and form feed are dropped: PostgreSQL's text refuses NUL, and
    /// the others are extraction noise, never words.
    /// </summary>
    private static string Clean(string text) =>
        text.Any(IsNoise) ? new string(text.Where(c => !IsNoise(c)).ToArray()) : text;

    private static bool IsNoise(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f');

    private static string Describe(SourceFileKind kind) => kind switch
    {
        SourceFileKind.Pdf => Text("a PDF"),
        SourceFileKind.Docx => Text("a Word document (DOCX, a zip file)"),
        _ => Text("plain text"),
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Text("{0} bytes", bytes),
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    private static readonly InterfaceTexts Texts = InterfaceTexts.Of<SourcesText>();

    /// <summary>A refusal in the page's language (SourcesText): this reader is static, so it reads the resources itself.</summary>
    private static string Text(string english, params object[] args) =>
        Texts.Format(english, args);

    private static string Short(string message) => message.Length <= 120 ? message : message[..120] + "…";
}
