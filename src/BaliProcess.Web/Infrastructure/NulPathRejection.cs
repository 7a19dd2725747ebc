using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace BaliProcess.Web.Infrastructure;

/// <summary>
/// A NUL byte in a path ("/meetings/a%00b") gets a 400 that says why: problem+json under /api, a short page
/// otherwise (issue 19). Kestrel refuses such a request line itself, before any middleware runs, with an empty 400
/// and no way to give it a body (it decodes the path while parsing, and the decoder throws on NUL). So the check runs
/// twice: as a connection middleware that reads each request line before Kestrel parses it and answers it in full,
/// and as request middleware for hosts that do decode such a path (the in-memory test server, another server).
/// </summary>
public static class NulPathRejection
{
    // The type ASP.NET Core gives every 400 problem (RFC 9110, 400 Bad Request).
    private const string ProblemType = "https://tools.ietf.org/html/rfc9110#section-15.5.1";

    public static void UseNulPathRejection(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.HasValue || !context.Request.Path.Value.Contains('\0', StringComparison.Ordinal))
        {
            return next(context);
        }

        var (contentType, body) = Answer(context.Request.Path.StartsWithSegments(Components.PortalRoutes.ApiPrefix, StringComparison.OrdinalIgnoreCase));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(body).AsTask();
    });

    /// <summary>Reads every request line on Kestrel's connections before Kestrel does (HTTP/1.x only).</summary>
    public static void AddNulPathRejection(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            var original = connection.Transport;
            var guard = new RequestLineGuard(original.Input, original.Output);
            connection.Transport = new DuplexPipe(guard, original.Output);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = original;
            }
        })));

    /// <summary>The body of the answer: problem+json for the API, a short page for people.</summary>
    internal static (string ContentType, byte[] Body) Answer(bool api) => api
        ? ("application/problem+json; charset=utf-8", Encoding.UTF8.GetBytes(
            $$"""{"type":"{{ProblemType}}","title":"The address holds a NUL character","status":400,"detail":"A path cannot contain the character U+0000 (written %00). Remove it from the address and try again."}"""))
        : ("text/html; charset=utf-8", Encoding.UTF8.GetBytes(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>This address cannot be read — Bali Process Knowledge Portal</title></head>
            <body><main><h1>This address cannot be read</h1>
            <p>It holds a character that no page address can contain (a NUL character, written %00). Check the link you followed,
            or start again from the <a href="/">home page</a> or the <a href="/search">search</a>.</p></main></body></html>
            """));

    /// <summary>
    /// A reader in front of the connection's input. Kestrel consumes each request exactly, so a read that begins
    /// with a request line is the start of a request; if that line's target holds %00 (or a raw NUL), the guard
    /// writes the full 400 answer, closes the connection and tells Kestrel the input has ended, so Kestrel never
    /// parses the line. Any other read passes through untouched, without a copy.
    /// </summary>
    private sealed class RequestLineGuard(PipeReader inner, PipeWriter output) : PipeReader
    {
        private const int LongestLineLooked = 16 * 1024;
        private bool rejected;

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            if (rejected)
            {
                return new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
            }

            var result = await inner.ReadAsync(cancellationToken);
            return await CheckAsync(result, cancellationToken);
        }

        public override bool TryRead(out ReadResult result)
        {
            if (rejected)
            {
                result = new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
                return true;
            }

            if (!inner.TryRead(out result))
            {
                return false;
            }

            if (NulTarget(result.Buffer) is not null)
            {
                // Answer on the asynchronous path, where the answer can be written and flushed.
                inner.AdvanceTo(result.Buffer.Start);
                return false;
            }

            return true;
        }

        private async ValueTask<ReadResult> CheckAsync(ReadResult result, CancellationToken cancellationToken)
        {
            if (NulTarget(result.Buffer) is not { } api)
            {
                return result;
            }

            rejected = true;
            inner.AdvanceTo(result.Buffer.End);
            var (contentType, body) = Answer(api);
            var head = Encoding.ASCII.GetBytes(
                "HTTP/1.1 400 Bad Request\r\n" +
                $"Content-Type: {contentType}\r\n" +
                $"Content-Length: {body.Length}\r\n" +
                "Cache-Control: no-store\r\n" +
                "X-Content-Type-Options: nosniff\r\n" +
                "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
                "Connection: close\r\n\r\n");
            await output.WriteAsync(head, cancellationToken);
            await output.WriteAsync(body, cancellationToken);
            return new ReadResult(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
        }

        /// <summary>
        /// When the buffer begins with a whole HTTP/1.x request line whose target holds a NUL: whether that target is
        /// under /api. Null otherwise (no whole line yet, another protocol, a body, a clean target).
        /// </summary>
        private static bool? NulTarget(ReadOnlySequence<byte> buffer)
        {
            var reader = new SequenceReader<byte>(buffer.Length > LongestLineLooked ? buffer.Slice(0, LongestLineLooked) : buffer);
            if (!reader.TryReadTo(out ReadOnlySequence<byte> lineSequence, (byte)'\n', advancePastDelimiter: false))
            {
                return null;
            }

            var line = lineSequence.ToArray().AsSpan();
            var firstSpace = line.IndexOf((byte)' ');
            if (firstSpace <= 0 || firstSpace > 16)
            {
                return null;
            }

            foreach (var b in line[..firstSpace])
            {
                if (b is < (byte)'A' or > (byte)'Z')
                {
                    return null;
                }
            }

            var rest = line[(firstSpace + 1)..];
            var secondSpace = rest.IndexOf((byte)' ');
            if (secondSpace <= 0 || !rest[(secondSpace + 1)..].StartsWith("HTTP/1."u8))
            {
                return null;
            }

            var target = rest[..secondSpace];
            var pathEnd = target.IndexOf((byte)'?');
            var path = pathEnd < 0 ? target : target[..pathEnd];
            var nul = path.Contains((byte)0) || path.IndexOf("%00"u8) >= 0;
            return nul ? path.StartsWith("/api/"u8) || path.SequenceEqual("/api"u8) : null;
        }

        public override void AdvanceTo(SequencePosition consumed)
        {
            if (!rejected)
            {
                inner.AdvanceTo(consumed);
            }
        }

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            if (!rejected)
            {
                inner.AdvanceTo(consumed, examined);
            }
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
