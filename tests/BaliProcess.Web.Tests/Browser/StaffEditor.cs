using System.Text;
using Microsoft.Playwright;

namespace BaliProcess.Web.Tests.Browser;

/// <summary>
/// The item editor driven as a person at the keyboard drives it: focus moves with Tab, text is typed, the
/// status is chosen with the arrow keys and Enter, the form is saved with Enter. No clicks, no filling of
/// fields by script.
/// </summary>
public static class StaffEditor
{
    /// <summary>
    /// How long a save may take to show its outcome: a write, a cache eviction and a reload through the circuit,
    /// which on this shared 2-core machine under a load average of 30 took more than Playwright's 5 s.
    /// </summary>
    public const float SaveTimeoutMs = 30_000;

    /// <summary>The status choice: MudSelect's combobox input, which shows the chosen status.</summary>
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

    /// <summary>The status shown in the select (what a screen reader reads out for it).</summary>
    private static Task<string> ChosenStatusAsync(IPage page) => page.Locator(StatusSelect).InputValueAsync();

    /// <summary>
    /// Tab to the status, open it with ArrowDown, move with ArrowDown until <paramref name="label"/> is chosen,
    /// close with Enter.
    /// </summary>
    public static async Task ChooseStatusAsync(IPage page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        await TabToAsync(page, StatusSelect);
        var open = page.Locator(".mud-popover-open .mud-list-item");

        // MudBlazor listens to the keys once its script has attached to the select, just after the first render:
        // a key pressed before that is not heard, so the opening key is pressed again until the list shows.
        for (var attempt = 0; ; attempt++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            try
            {
                await open.First.WaitForAsync(new() { Timeout = 2000 });
                break;
            }
            catch (TimeoutException) when (attempt < 5)
            {
            }
        }

        // The value follows the highlighted option (MudSelect's behaviour); Enter closes the list on it.
        for (var moves = 0; await ChosenStatusAsync(page) != label; moves++)
        {
            Assert.True(moves < 8, $"ArrowDown never reached {label}; the select shows '{await ChosenStatusAsync(page)}'");
            var before = await ChosenStatusAsync(page);
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(page.Locator(StatusSelect)).Not.ToHaveValueAsync(before);
        }

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(open).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(StatusSelect)).ToHaveValueAsync(label);
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
