using QRCoder;

namespace BaliProcess.Web.Features.Accounts;

/// <summary>A QR code as inline SVG, drawn on the server (no script, no image request).</summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(new System.Drawing.Size(220, 220), "#000000", "#ffffff", drawQuietZones: true);

        // An SVG without a role is announced as an unlabelled image; give it one.
        return svg.Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code for the authenticator app\" ", StringComparison.Ordinal);
    }
}
