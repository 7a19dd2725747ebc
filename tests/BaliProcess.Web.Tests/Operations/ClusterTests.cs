using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BaliProcess.Data.Model;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.WorkPlans.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// The real shape: two portal processes (the Release build) on one database, Debian's nginx in front with
/// the configuration scripts/cluster.sh uses. One test with a bounded time: load through nginx, one instance
/// killed, failed requests counted; then the other instance stopped with SIGTERM while requests are in flight.
/// </summary>
public sealed class ClusterTests
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentQueue<string>> Logs = new();

    [Fact]
    public async Task Killing_one_instance_under_load_through_nginx_fails_at_most_the_requests_in_flight_loses_no_edit_and_sigterm_lets_requests_finish()
    {
        await RunAsync("bash", Path.Combine(TestPaths.RepositoryRoot, "scripts", "ensure-nginx.sh"));
        await using var database = await TestDatabase.CreateSeededAsync("cluster");
        var work = Directory.CreateTempSubdirectory("bp-cluster-test-");
        var (portA, portB, portProxy) = (FreePort(), FreePort(), FreePort());
        Process? a = null, b = null, nginx = null;
        try
        {
            // Both start at once: the database is a copy of the seeded template, so A's migrations and seed
            // loader (run as in production) find nothing to do and B need not wait for them.
            a = StartInstance(database, portA, seed: true, work.FullName, "a");
            b = StartInstance(database, portB, seed: false, work.FullName, "b");
            await Task.WhenAll(WaitReadyAsync(portA, a, work.FullName, "a"), WaitReadyAsync(portB, b, work.FullName, "b"));
            nginx = StartNginx(work.FullName, portProxy, portA, portB);

            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portProxy}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitAsync(async () => (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode, "nginx answers");

            // Edits while the load runs and instance A dies: a third instance in this process (in memory, no
            // port) on the same database calls WorkPlanEditor, the service behind the staff editor, from two
            // writers racing on one item. Every fourth edit is by an account without an editing role (refused)
            // and every fourth carries a stale version (a conflict); the writers' races add more conflicts.
            await using var editorHost = new PortalFactory
            {
                SharedDatabase = database,
                Settings = { ["Database:MigrateOnStartup"] = "false", ["Database:SeedOnStartup"] = "false" },
            };
            await editorHost.InitializeAsync();
            var secretariat = await StaffAccounts.CreateUserAsync(editorHost, PortalRoles.Secretariat, displayName: "Cluster Editor");
            var noRole = await StaffAccounts.CreateUserAsync(editorHost, "", displayName: "No Role");
            var editorPrincipal = await StaffAccounts.PrincipalAsync(editorHost, secretariat.Id);
            var noRolePrincipal = await StaffAccounts.PrincipalAsync(editorHost, noRole.Id);
            const string plan = "tip-working-group-forward-work-plan-2015-17";
            int itemId;
            await using (var db = database.CreateContext())
            {
                itemId = await db.ActionItems.Where(i => i.WorkPlan!.Slug == plan && i.Number == "7").Select(i => i.Id).SingleAsync();
            }

            var marker = $"cluster edit {Guid.NewGuid():N}";
            var edits = new ConcurrentQueue<(string Note, EditResult Result, bool AfterKill)>();
            var stopEditing = false;

            // Load: 8 clients in a loop over public pages and searches; instance A is killed once 40 requests
            // have succeeded; the load goes on until 40 more have succeeded after the kill (at most 2 minutes:
            // on a busy machine a cold instance answers slowly).
            const int clients = 8;
            string[] urls = ["/", "/members", "/meetings", "/meetings/eighth-ministerial-conference-2023", "/search?q=trafficking", "/timeline", "/members/palau"];
            var ok = 0;
            var failed = new List<string>();
            var okAfterKill = 0;
            var killed = false;
            var clock = Stopwatch.StartNew();
            var load = Enumerable.Range(0, clients).Select(async worker =>
            {
                for (var i = worker; !(Volatile.Read(ref killed) && Volatile.Read(ref okAfterKill) >= 40) && clock.Elapsed < TimeSpan.FromMinutes(2); i++)
                {
                    try
                    {
                        using var response = await client.GetAsync(new Uri(urls[i % urls.Length], UriKind.Relative));
                        await response.Content.ReadAsByteArrayAsync();
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref ok);
                            if (Volatile.Read(ref killed))
                            {
                                Interlocked.Increment(ref okAfterKill);
                            }
                        }
                        else
                        {
                            lock (failed) { failed.Add($"{(int)response.StatusCode} {urls[i % urls.Length]}"); }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        lock (failed) { failed.Add($"{clock.Elapsed.TotalSeconds:0.0}s {urls[i % urls.Length]} {e.GetType().Name} {e.Message}"); }
                    }
                }
            }).ToList();

            var editing = Enumerable.Range(0, 2).Select(writer => Task.Run(async () =>
            {
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                for (var n = writer; !Volatile.Read(ref stopEditing); n++)
                {
                    var note = $"{marker} writer {writer} number {n}";
                    ItemState state;
                    await using (var db = database.CreateContext())
                    {
                        state = (await WorkPlanEditor.StateAsync(db, itemId, CancellationToken.None))!;
                    }

                    var seenVersion = n % 4 == 2 ? state.Version - 1 : state.Version;
                    var next = state.Status == ActionItemStatus.Complete ? ActionItemStatus.Ongoing : ActionItemStatus.Complete;
                    await using var scope = editorHost.Services.CreateAsyncScope();
                    var result = await scope.ServiceProvider.GetRequiredService<WorkPlanEditor>().ChangeStatusAsync(
                        n % 4 == 3 ? noRolePrincipal : editorPrincipal, new StatusChangeRequest(itemId, seenVersion, next, note, today));
                    edits.Enqueue((note, result, Volatile.Read(ref killed)));
                    await Task.Delay(TimeSpan.FromMilliseconds(20));
                }
            })).ToList();

            while (Volatile.Read(ref ok) < 40 && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(100);
            }

            a.Kill(entireProcessTree: true);
            Volatile.Write(ref killed, true);
            await Task.WhenAll(load);
            Volatile.Write(ref stopEditing, true);
            await Task.WhenAll(editing);

            var nginxLog = File.Exists(Path.Combine(work.FullName, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(work.FullName, "error.log")) : "";
            Assert.True(failed.Count <= clients, $"{failed.Count} of {ok + failed.Count} requests failed (at most the {clients} in flight may): {string.Join("; ", failed.Take(10))}\nnginx: {nginxLog[..Math.Min(3000, nginxLog.Length)]}");
            Assert.True(okAfterKill >= 40, $"only {okAfterKill} requests succeeded after instance A was killed");
            Console.WriteLine($"cluster test: {ok} ok, {failed.Count} failed, {okAfterKill} ok after the kill");

            // No edit lost: every edit reported saved is in the history exactly once (by its id and note), every
            // refused or conflicting one is absent, and the item shows the last one saved.
            var all = edits.ToList();
            var landed = all.Where(e => e.Result.Succeeded).ToList();
            Console.WriteLine($"cluster test edits: {landed.Count} saved ({landed.Count(e => e.AfterKill)} after the kill), "
                + string.Join(", ", all.Where(e => !e.Result.Succeeded).GroupBy(e => e.Result.Outcome).Select(g => $"{g.Count()} {g.Key}")));
            Assert.Contains(landed, e => e.AfterKill);
            Assert.Contains(all, e => e.Result.Outcome == EditOutcome.Conflict);
            Assert.Contains(all, e => e.Result.Outcome == EditOutcome.Refused);
            string latestNote;
            await using (var db = database.CreateContext())
            {
                var history = await db.ActionItemStatusChanges.Where(c => c.ActionItemId == itemId && c.Note.StartsWith(marker))
                    .Select(c => new { c.Id, c.Note }).ToListAsync();
                Assert.Equal(landed.Count, history.Count);
                foreach (var (note, result, _) in landed)
                {
                    Assert.Single(history, h => h.Note == note && h.Id == result.ChangeId);
                }

                foreach (var (note, result, _) in all.Where(e => !e.Result.Succeeded))
                {
                    Assert.True(history.All(h => h.Note != note), $"an edit answered {result.Outcome} is in the history: {note}");
                }

                latestNote = landed.MaxBy(e => e.Result.ChangeId)!.Note;
                Assert.Equal(latestNote, await db.ActionItems.Where(i => i.Id == itemId).Select(i => i.StatusText).SingleAsync());
            }

            // The surviving instance, through nginx, shows the last saved edit (its cache was told by the editor's instance).
            await WaitAsync(async () => (await client.GetStringAsync(new Uri($"/work-plans/{plan}/items/7", UriKind.Relative))).Contains(latestNote, StringComparison.Ordinal),
                "the last saved edit on the item page through nginx");

            // SIGTERM on B while uncached searches are in flight: they finish; B exits cleanly.
            using var direct = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portB}"), Timeout = TimeSpan.FromSeconds(30) };
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portB}"), Timeout = TimeSpan.FromSeconds(30) };
            var connectionsBefore = await ActiveConnectionsAsync(scraper);
            Assert.True(connectionsBefore >= 1, "B's /metrics does not count Kestrel's connections (its scraper's own is one)");
            var inFlight = Enumerable.Range(0, 6).Select(i => direct.GetAsync(new Uri($"/search?q=victims+{i}&page=1&graceful={Guid.NewGuid():N}", UriKind.Relative))).ToList();
            // SIGTERM once Kestrel has taken the six connections (its own count, at /metrics), so that every
            // request is B's to finish, or once they have all been answered: on a quick machine they may be.
            await WaitAsync(
                async () => inFlight.All(r => r.IsCompleted) || await ActiveConnectionsAsync(scraper) >= connectionsBefore + inFlight.Count,
                "B has taken the six connections");
            await RunAsync("kill", "-TERM", b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var request in inFlight)
            {
                try
                {
                    using var response = await request;
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    // Sent after the listener closed: never accepted, so not in flight.
                }
            }

            Assert.True(b.WaitForExit(TimeSpan.FromSeconds(30)), "instance B did not stop within 30 s of SIGTERM");
            Assert.Equal(0, b.ExitCode);
        }
        finally
        {
            foreach (var process in new[] { nginx, a, b })
            {
                if (process is { HasExited: false })
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                process?.Dispose();
            }

            work.Delete(recursive: true);
        }
    }

    private static Process StartInstance(TestDatabase database, int port, bool seed, string work, string name)
    {
        var web = Path.Combine(TestPaths.RepositoryRoot, "src", "BaliProcess.Web");
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "BaliProcess.Web.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build src/BaliProcess.Web -c {configuration}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__BaliProcess"] = database.PortalConnectionString;
        start.Environment["ConnectionStrings__BaliProcessOwner"] = database.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Security__RequireHttps"] = "false";
        start.Environment["Database__SeedDirectory"] = TestPaths.SeedDirectory;
        start.Environment["Database__MigrateOnStartup"] = seed ? "true" : "false";
        start.Environment["Database__SeedOnStartup"] = seed ? "true" : "false";
        start.Environment["RateLimits__SearchRequestsPerMinute"] = "1000000";
        start.Environment["Search__WarmUpWords"] = "0";   // warming saves visitors time; here it only delays the load
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        var process = new Process { StartInfo = start };
        var log = Logs.GetOrAdd(name, _ => new System.Collections.Concurrent.ConcurrentQueue<string>());
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Process StartNginx(string work, int port, int portA, int portB)
    {
        var template = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "deploy", "nginx-cluster.conf.template"));
        var config = Path.Combine(work, "nginx.conf");
        File.WriteAllText(config, template.Replace("__DIR__", work, StringComparison.Ordinal)
            .Replace("__PORT_A__", portA.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__PORT_B__", portB.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__PORT__", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        return Process.Start(new ProcessStartInfo(nginx, ["-c", config, "-g", "daemon off;"]))!;
    }

    private static async Task WaitReadyAsync(int port, Process process, string work, string name)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        await WaitAsync(async () =>
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                Assert.Fail($"instance {name} exited: {string.Join(Environment.NewLine, Logs[name])}");
            }

            return (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode;
        }, $"instance {name} ready");
    }

    /// <summary>Kestrel's open connections, as the instance's /metrics reports them (the scraper's own included).</summary>
    private static async Task<double> ActiveConnectionsAsync(HttpClient scraper)
    {
        var metrics = await scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        // A sample is "name{labels} value [timestamp]".
        return System.Text.RegularExpressions.Regex.Matches(metrics, @"(?m)^kestrel_active_connections(?:\{[^}]*\})? (\S+)")
            .Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        // A bound for a broken start, not a speed target: a busy machine can take minutes to start two portals.
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        Assert.Fail($"timed out waiting for: {what}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args))!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}");
    }
}
