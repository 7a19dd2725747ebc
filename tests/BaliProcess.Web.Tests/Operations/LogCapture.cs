using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>A Serilog sink, registered as a service, that keeps everything the portal logs.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => events.ToArray();

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>Each event as one line of text: level, message, every property, exception.</summary>
    public IReadOnlyList<string> Lines => Events.Select(Describe).ToList();

    public static string Describe(LogEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var properties = string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}"));
        return $"{e.Level} {e.RenderMessage(CultureInfo.InvariantCulture)} {properties} {e.Exception}";
    }
}
