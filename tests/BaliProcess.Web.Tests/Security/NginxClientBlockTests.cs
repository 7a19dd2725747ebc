using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BaliProcess.Tests.Shared;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// nginx's limits count an IPv6 visitor by its /64, not by address (issue 20: a phone or a home is given a whole
/// /64 and could rotate through it past every limit). Both shipped configurations carry the same key; Debian's
/// nginx evaluates it here for addresses given as a trusted proxy's X-Forwarded-For.
/// </summary>
public sealed partial class NginxClientBlockTests
{
    [Fact]
    public async Task The_limits_count_an_IPv4_visitor_by_address_and_an_IPv6_one_by_its_64_network()
    {
        var compose = ClientBlockMap("nginx-compose.conf");
        Assert.Equal(compose, ClientBlockMap("nginx-cluster.conf.template"));
        foreach (var file in new[] { "nginx-compose.conf", "nginx-cluster.conf.template" })
        {
            var config = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "deploy", file));
            Assert.Equal(3, Regex.Count(config, @"limit_(req|conn)_zone \$client_block "));
            Assert.DoesNotContain("_zone $binary_remote_addr", config, StringComparison.Ordinal);
        }

        await RunAsync("bash", Path.Combine(TestPaths.RepositoryRoot, "scripts", "ensure-nginx.sh"));
        var work = Directory.CreateTempSubdirectory("bp-nginx-block-");
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "nginx.conf"), $$"""
            pid {{work.FullName}}/nginx.pid;
            error_log {{work.FullName}}/error.log warn;
            events { }
            http {
                access_log off;
                client_body_temp_path {{work.FullName}}/body;
            {{compose}}
                set_real_ip_from 127.0.0.1;
                real_ip_header X-Forwarded-For;
                server { listen 127.0.0.1:{{port}}; location / { return 200 "$client_block"; } }
            }
            """);
        using var nginx = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx",
            ["-c", Path.Combine(work.FullName, "nginx.conf"), "-g", "daemon off;"]))!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            async Task<string> KeyOf(string address)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
                        request.Headers.Add("X-Forwarded-For", address);
                        return await (await client.SendAsync(request)).Content.ReadAsStringAsync();
                    }
                    catch (HttpRequestException) when (attempt < 50 && !nginx.HasExited)
                    {
                        await Task.Delay(100);   // nginx is still binding its port
                    }
                }
            }

            // One /64, however the address is written.
            Assert.Equal("2001:db8:1:2", await KeyOf("2001:db8:1:2::1"));
            Assert.Equal("2001:db8:1:2", await KeyOf("2001:DB8:1:2:aaaa:bbbb:cccc:dddd"));
            Assert.Equal(await KeyOf("2001:db8::1"), await KeyOf("2001:db8:0:0:ffff:1:2:3"));
            // Another /64 is another visitor; IPv4 visitors and IPv4 mapped into IPv6 keep their whole address.
            Assert.Equal("2001:db8:1:3", await KeyOf("2001:db8:1:3::1"));
            Assert.Equal("203.0.113.7", await KeyOf("203.0.113.7"));
            Assert.Equal("203.0.113.8", await KeyOf("203.0.113.8"));
            Assert.Equal("::ffff:1.2.3.4", await KeyOf("::ffff:1.2.3.4"));
        }
        finally
        {
            nginx.Kill();
            await nginx.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static string ClientBlockMap(string file) =>
        MapBlock().Match(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "deploy", file))) is { Success: true } match
            ? match.Value
            : throw new Xunit.Sdk.XunitException($"deploy/{file} has no map of $remote_addr to $client_block");

    [GeneratedRegex(@"    map \$remote_addr \$client_block \{.*?\n    \}\n", RegexOptions.Singleline)]
    private static partial Regex MapBlock();

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
