using System.Text;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// The item editor driven as a person at the keyboard drives it: focus moves with Tab, text is typed, the
/// status is chosen with the arrow keys, the form is saved with Enter. No clicks, no filling of
/// fields by script.
/// </summary>
public static class StaffEditor
{
    /// <summary>
    /// How long a save may take to show its outcome: a write, a cache eviction and a reload through the circuit,
    /// which on this shared 2-core machine under a load average of 30 took more than Playwright's 5 s.
    /// </summary>
    public const float SaveTimeoutMs = 30_000;

    /// <summary>The status choice: a native select (decision 0017).</summary>
    private const string StatusSelect = "#new-status";

    /// <summary>
    /// Opens an interactive page and waits until its live connection (circuit) has started and rendered: the
    /// server has sent the first render batch over the WebSocket. Returns when that happened (UTC).
    /// </summary>
    public static async Task<DateTime> OpenAsync(IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        var rendered = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSocket(object? sender, IWebSocket socket) => socket.FrameReceived += (_, frame) =>
        {
            var payload = frame.Binary is { } bytes ? Encoding.Latin1.GetString(bytes) : frame.Text ?? "";
            if (payload.Contains("JS.RenderBatch", StringComparison.Ordinal))
            {
                rendered.TrySetResult(DateTime.UtcNow);
            }
        };

        page.WebSocket += OnSocket;
        try
        {
            await page.GotoAsync(url);
            return await rendered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.WebSocket -= OnSocket;
        }
    }

    /// <summary>Presses Tab until the focused element is (inside) <paramref name="selector"/>.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 80)
    {
        ArgumentNullException.ThrowIfNull(page);
        for (var i = 0; i < maxPresses; i++)
        {
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && !!document.activeElement.closest(s)", selector))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new Xunit.Sdk.XunitException($"{maxPresses} presses of Tab never reached {selector}");
    }

    /// <summary>The label of the status shown in the select (what a screen reader reads out for it).</summary>
    private static Task<string> ChosenStatusAsync(IPage page) =>
        page.Locator(StatusSelect).EvaluateAsync<string>("select => select.selectedOptions[0]?.label ?? ''");

    /// <summary>
    /// Tab to the status and move with ArrowDown until <paramref name="label"/> is chosen: the browser's own
    /// select changes its value with each arrow key, without opening its list.
    /// </summary>
    public static async Task ChooseStatusAsync(IPage page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TabToAsync(page, StatusSelect);
        for (var moves = 0; await ChosenStatusAsync(page) != label; moves++)
        {
            Assert.True(moves < 8, $"ArrowDown never reached {label}; the select shows '{await ChosenStatusAsync(page)}'");
            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Equal(label, await ChosenStatusAsync(page));
    }

    /// <summary>Tab to the note and type it.</summary>
    public static async Task TypeNoteAsync(IPage page, string note)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TabToAsync(page, "#status-note");
        await page.Keyboard.TypeAsync(note);
    }

    /// <summary>Tab to the date it took effect and type it (day, month and year, as the date field asks).</summary>
    public static async Task TypeEffectiveDateAsync(IPage page, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TabToAsync(page, "#effective-date");
        await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#effective-date")).ToHaveValueAsync(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Tab to "Save the change" and press Enter.</summary>
    public static async Task SaveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TabToAsync(page, ".status-change-form button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
    }
}
