using QRCoder;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>A QR code as inline SVG, drawn on the server (no script, no image request).</summary>
public static class QrCode
{
    /// <param name="label">What a screen reader announces, in the page's language.</param>
    public static string Svg(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#000000", "#ffffff", drawQuietZones: true);

        // An SVG without a role is announced as an unlabelled image; give it one.
        return svg.Replace("<svg ", $"<svg role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" ", StringComparison.Ordinal);
    }
}
