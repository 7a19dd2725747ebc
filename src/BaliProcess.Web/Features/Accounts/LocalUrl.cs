namespace BaliProcess.Web.Features.Accounts;

/// <summary>Return addresses after sign-in: only a path on this portal, never another site (open redirect).</summary>
public static class LocalUrl
{
    /// <summary>
    /// <paramref name="url"/> when it is a path on this portal, otherwise <paramref name="fallback"/>. Refused: anything
    /// not starting with one "/", a backslash anywhere (browsers read it as "/"), and any control character or
    /// whitespace, also percent-encoded (issue 20: browsers drop a tab or newline, so "/\t/evil.example" becomes
    /// "//evil.example", another site).
    /// </summary>
    public static string OrDefault(string? url, string fallback) =>
        IsLocal(url) ? url! : fallback;

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2000 || !IsSafePath(url))
        {
            return false;
        }

        // Decoded once more, as a server or browser down the line might: still a plain local path.
        try
        {
            return IsSafePath(Uri.UnescapeDataString(url));
        }
        catch (UriFormatException)
        {
            return false;
        }
    }

    private static bool IsSafePath(string url) =>
        url.Length > 0 && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is '\u200B' or '\u2028' or '\u2029' or '\uFEFF');
}
