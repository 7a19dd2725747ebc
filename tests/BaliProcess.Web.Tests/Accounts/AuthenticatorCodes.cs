using AngleSharp.Dom;
using OtpNet;

namespace BaliProcess.Web.Tests.Accounts;

/// <summary>
/// Codes from a test's "authenticator app". The portal accepts each 30-second time step once and only a later one
/// after it, within one step either side of now; so a test that needs several accepted codes in a row takes them
/// from successive steps: the previous one (when the current has time left), the current one, the next one.
/// </summary>
public sealed class AuthenticatorCodes(string key)
{
    private const int StepSeconds = 30;
    private readonly Totp totp = new(Base32Encoding.ToBytes(key));
    private long lastStep = long.MinValue;

    /// <summary>The key as the authenticator page shows it (groups of four, lower case).</summary>
    public static AuthenticatorCodes FromSetupPage(IDocument setup) =>
        new(setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());

    /// <summary>The code last handed out by <see cref="NextAsync"/>: already accepted, so a replay.</summary>
    public string Last { get; private set; } = "";

    /// <summary>A code the portal has not accepted yet: from the earliest step still accepted that is later than the last one used.</summary>
    /// <remarks>Three fit in any 30 seconds; a fourth waits for the clock to reach the next step.</remarks>
    public async Task<string> NextAsync()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var current = now / StepSeconds;
        // The previous step is still accepted for the rest of this one; leave a margin for the request itself.
        var earliest = StepSeconds - (now % StepSeconds) >= 8 ? current - 1 : current;
        var step = Math.Max(lastStep + 1, earliest);
        while (step > current + 1)
        {
            // The portal accepts at most one step ahead of its clock: wait until the clock is one step behind this.
            await Task.Delay(TimeSpan.FromSeconds(StepSeconds - (now % StepSeconds)) + TimeSpan.FromMilliseconds(200));
            now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            current = now / StepSeconds;
        }

        lastStep = step;
        Last = totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
        return Last;
    }

    /// <summary>The current code without using it up: for requests that must be refused for another reason.</summary>
    public string Current() => totp.ComputeTotp();

    /// <summary>Six digits that are not the current code.</summary>
    public string Wrong() => totp.ComputeTotp() == "000000" ? "111111" : "000000";
}
