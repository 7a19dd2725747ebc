namespace BaliProcess.Web.Components.Shared;

/// <summary>
/// Cleans free text from the query string before it reaches a query: control characters (PostgreSQL
/// rejects NUL in text) are dropped, white space trimmed and the length capped.
/// </summary>
public static class QueryText
{
    public const int DefaultMaxLength = 100;

    public static string? Clean(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string(text.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length > maxLength)
        {
            // Never cut an emoji (a surrogate pair) in half.
            cleaned = cleaned[..(char.IsHighSurrogate(cleaned[maxLength - 1]) ? maxLength - 1 : maxLength)];
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
