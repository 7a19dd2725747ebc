using System.Text;
using System.Xml;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// An XmlWriter that drops characters XML 1.0 cannot carry (U+000B and the other C0 controls, unpaired
/// surrogates, U+FFFE/U+FFFF) from text and attribute values instead of throwing. The portal refuses such
/// characters in new staff text (StaffText), but the history is append-only: a note stored before that check
/// must not make /changes.atom answer 500 for everyone, for ever. Every XML the portal writes (Atom feeds, the
/// sitemap) goes through <see cref="Create(Stream)"/> or <see cref="Create(StringBuilder)"/>.
/// </summary>
public sealed class XmlSafeWriter(XmlWriter inner) : XmlWriter
{
    public static XmlWriter Create(Stream output, bool indent = true) =>
        new XmlSafeWriter(XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = indent }));

    public static XmlWriter Create(StringBuilder output, bool indent = true) =>
        new XmlSafeWriter(XmlWriter.Create(output, new XmlWriterSettings { Indent = indent }));

    /// <summary>The text without the characters XML cannot carry (the same string when there are none).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override WriteState WriteState => inner.WriteState;

    public override XmlWriterSettings? Settings => inner.Settings;

    public override void WriteString(string? text) => inner.WriteString(Clean(text));

    public override void WriteChars(char[] buffer, int index, int count) => WriteString(new string(buffer, index, count));

    public override void WriteCData(string? text) => inner.WriteCData(Clean(text));

    public override void WriteComment(string? text) => inner.WriteComment(Clean(text));

    public override void WriteRaw(string data) => inner.WriteRaw(Clean(data));

    public override void WriteRaw(char[] buffer, int index, int count) => WriteRaw(new string(buffer, index, count));

    public override void WriteCharEntity(char ch)
    {
        if (XmlConvert.IsXmlChar(ch))
        {
            inner.WriteCharEntity(ch);
        }
    }

    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    public override void Flush() => inner.Flush();

    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);

    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

    public override void WriteEndAttribute() => inner.WriteEndAttribute();

    public override void WriteEndDocument() => inner.WriteEndDocument();

    public override void WriteEndElement() => inner.WriteEndElement();

    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

    public override void WriteFullEndElement() => inner.WriteFullEndElement();

    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Clean(text));

    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);

    public override void WriteStartDocument() => inner.WriteStartDocument();

    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
