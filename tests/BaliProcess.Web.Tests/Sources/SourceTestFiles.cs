using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace BaliProcess.Web.Tests.Sources;

/// <summary>Real files made in the test: PDFs written by PdfPig's builder (or by hand), DOCX by the Open XML SDK.</summary>
public static class SourceTestFiles
{
    /// <summary>A PDF with a text layer: each string is one page, written in lines of Helvetica.</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780.0;
            foreach (var line in text.Split('\n'))
            {
                page.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    /// <summary>A "scanned" PDF: pages with drawings (as a picture of a page is) and no text at all.</summary>
    public static byte[] PdfWithoutText(int pages = 2)
    {
        var builder = new PdfDocumentBuilder();
        for (var n = 0; n < pages; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(50, 50), 400, 600, 2);
        }

        return builder.Build();
    }

    /// <summary>
    /// A PDF encrypted with the standard security handler (RC4, revision 2) whose user password is not empty, built by
    /// hand: its /U entry matches no empty password, so it cannot be opened without one.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            "<< /Length 16 >>\nstream\n\u00a7\u00b6\u00e9\u00d7\u00a9\u00f1\u00fe\u00ac\u00ae\u00b5\u00c6\u00d8\u00df\u00e5\u00f0\u00f7\nendstream",
            "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + new string('A', 64) + "> /U <" + new string('B', 64) + "> >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>The PDF header followed by noise: damaged beyond repair.</summary>
    public static byte[] CorruptPdf()
    {
        var noise = new byte[4000];
        new Random(18).NextBytes(noise);
        return [.. "%PDF-1.7\n"u8.ToArray(), .. noise];
    }

    /// <summary>A Word document whose paragraphs are the given strings.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p) { Space = SpaceProcessingModeValues.Preserve })))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A zip bomb named as a Word document: one entry that unpacks to <paramref name="unpackedBytes"/> zeros.</summary>
    public static byte[] DocxBomb(int unpackedBytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[64 * 1024];
            for (var written = 0; written < unpackedBytes; written += zeros.Length)
            {
                entry.Write(zeros, 0, Math.Min(zeros.Length, unpackedBytes - written));
            }
        }

        return stream.ToArray();
    }

    /// <summary>A zip of many tiny entries named as a Word document.</summary>
    public static byte[] DocxOfManyEntries(int entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var n = 0; n < entries; n++)
            {
                using var entry = zip.CreateEntry(string.Create(CultureInfo.InvariantCulture, $"word/part{n}.xml")).Open();
                entry.WriteByte((byte)'x');
            }
        }

        return stream.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
