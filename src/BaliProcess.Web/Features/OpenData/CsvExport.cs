using BaliProcess.Web.Features.Sources;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace BaliProcess.Web.Features.OpenData;

/// <summary>A table to write as CSV: a header row and rows of text cells (null writes an empty cell).</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// CSV as spreadsheets read it: RFC 4180 (CsvHelper), UTF-8 with a byte-order mark so that Excel opens
/// "Türkiye" intact, a header row. A cell that begins with = + - @ (or a tab or carriage return) is
/// prefixed with a single quote, as OWASP advises against formula injection: the documents' own text could
/// begin with a hyphen, and a spreadsheet must show it, not run it.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
        NewLine = "\r\n",
    };

    /// <param name="table">The header and rows.</param>
    /// <param name="byteOrderMark">True for the list downloads people open in a spreadsheet; false for the data package's files,
    /// which declare their encoding ("utf-8") in datapackage.json, as programs that read them expect.</param>
    public static byte[] Write(CsvTable table, bool byteOrderMark = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark), leaveOpen: true))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            foreach (var name in table.Header)
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell ?? "");
                }

                csv.NextRecord();
            }
        }

        return stream.ToArray();
    }

    public static string Join(IEnumerable<string>? values) => values is null ? "" : string.Join("; ", values);

    /// <summary>
    /// Sources in one cell, as a reader names them: "title, issuer, date, place" entries joined by " | " (the JSON
    /// keeps the file name as the document's key).
    /// </summary>
    public static string Sources(IEnumerable<ApiSource> sources, SourceNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return string.Join(" | ", sources.Select(s => names.Text(s.Document, s.Location)));
    }
}
