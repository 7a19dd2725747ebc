using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>A Serilog sink, registered as a service, that keeps everything the portal logs.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();
    private readonly List<(Func<LogEvent, bool> Match, TaskCompletionSource Seen)> waiters = [];

    public IReadOnlyList<LogEvent> Events => events.ToArray();

    public void Emit(LogEvent logEvent)
    {
        events.Enqueue(logEvent);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => w.Match(logEvent)).ToList())
            {
                waiter.Seen.TrySetResult();
                waiters.Remove(waiter);
            }
        }
    }

    /// <summary>
    /// Returns once an event that <paramref name="match"/> accepts has been logged (at once if one has), and
    /// fails after <paramref name="timeout"/>: an upper bound for a slow machine, not an expected time.
    /// </summary>
    public Task WaitForAsync(Func<LogEvent, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            // Checked under the lock that Emit takes after enqueueing, so no event falls between check and wait.
            if (events.Any(match))
            {
                return Task.CompletedTask;
            }

            waiters.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Each event as one line of text: level, message, every property, exception.</summary>
    public IReadOnlyList<string> Lines => Events.Select(Describe).ToList();

    public static string Describe(LogEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var properties = string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"));
        return $"{e.Level} {e.RenderMessage(CultureInfo.InvariantCulture)} {properties} {e.Exception}";
    }
}
