using MudBlazor;

namespace BaliProcess.Web.Components.Layout;

/// <summary>One theme for the whole portal: system fonts (no web-font download on slow links), strong contrast.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f6c",
            Secondary = "#8a3b12",
            AppbarBackground = "#0b4f6c",
            TextPrimary = "#1b1b1b",
            TextSecondary = "#4a4a4a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
