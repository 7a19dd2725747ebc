using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BaliProcess.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// MudThemeProvider writes about 12 KB of CSS as &lt;style&gt; elements into the body of every page: invalid
/// HTML, blocked by a strict style-src, and sent again with every page. The portal renders that provider
/// once at start-up with the portal theme and serves the CSS as a file, /theme.css?v=hash, linked from the
/// head and cached by browsers for a year (the hash changes when the theme does).
/// </summary>
public sealed partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    private ThemeStylesheet(string css)
    {
        Css = css;
        Bytes = Encoding.UTF8.GetBytes(css);
        Version = Convert.ToHexString(SHA256.HashData(Bytes))[..12].ToLowerInvariant();
    }

    public string Css { get; }

    public byte[] Bytes { get; }

    /// <summary>A short hash of the CSS: part of the link, so a new theme is a new URL.</summary>
    public string Version { get; }

    public string Href => $"{Path}?v={Version}";

    /// <summary>Renders MudThemeProvider with <see cref="PortalTheme"/> and keeps the CSS of its style elements.</summary>
    public static async Task<ThemeStylesheet> RenderAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(
                ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme }));
            return output.ToHtmlString();
        });

        var css = new StringBuilder("/* Generated at start-up from PortalTheme by MudThemeProvider. */\n");
        foreach (Match style in StyleElement().Matches(html))
        {
            css.Append(style.Groups["css"].Value.Trim()).Append('\n');
        }

        if (css.Length < 1000)
        {
            throw new InvalidOperationException("MudThemeProvider rendered no theme CSS; has MudBlazor changed how it writes the theme?");
        }

        return new ThemeStylesheet(css.ToString());
    }

    public static void MapThemeStylesheet(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext context, ThemeStylesheet sheet) =>
        {
            var etag = $"\"{sheet.Version}\"";
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(sheet.Bytes, "text/css; charset=utf-8");
        });
    }

    [GeneratedRegex("<style[^>]*>(?<css>.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
