namespace BaliProcess.Web.Features.Accounts;

/// <summary>Return addresses after sign-in: only a path on this portal, never another site (open redirect).</summary>
public static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : fallback;
}
