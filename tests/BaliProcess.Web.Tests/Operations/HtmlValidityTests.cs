using System.Diagnostics;
using System.Text.Json;
using BaliProcess.Tests.Shared;
using BaliProcess.Web.Tests.Infrastructure;

namespace BaliProcess.Web.Tests.Operations;

/// <summary>
/// Every public page type passes the Nu Html Checker (vnu, offline: npm's vnu-jar on Debian's Java, installed
/// by scripts/ensure-vnu.sh, which this test runs when the checker is missing). All pages go to one run of
/// the checker, so the Java start-up is paid once.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class HtmlValidityTests(PortalFactory portal)
{
    [Fact]
    public async Task Every_public_page_type_has_no_html_error()
    {
        var directory = Directory.CreateTempSubdirectory("bp-vnu-");
        try
        {
            using var client = portal.CreateClient();
            var urls = CachingAndHeaderTests.PublicPageUrls.Append("/no-such-page").Append("/search?q=zzzqqq").ToList();
            // And each in Indonesian (decision 0042): the same markup with other words must stay as valid.
            urls.AddRange([.. urls.Select(u => BaliProcess.Web.Infrastructure.Languages.PortalLanguage.In("id", u))]);
            for (var i = 0; i < urls.Count; i++)
            {
                using var response = await client.GetAsync(new Uri(urls[i], UriKind.Relative));
                await File.WriteAllTextAsync(Path.Combine(directory.FullName, $"page{i:00}.html"), await response.Content.ReadAsStringAsync());
            }

            var jar = await EnsureCheckerAsync();
            var start = new ProcessStartInfo("java", ["-jar", jar, "--errors-only", "--format", "json", .. Directory.GetFiles(directory.FullName, "*.html").Order()])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var report = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            await stdout;

            using var json = JsonDocument.Parse(report);
            var errors = json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m =>
                {
                    var file = Path.GetFileNameWithoutExtension(m.GetProperty("url").GetString() ?? "");
                    var url = int.TryParse(file.Replace("page", "", StringComparison.Ordinal), out var index) ? urls[index] : file;
                    return $"{url}: {m.GetProperty("message").GetString()}";
                })
                .ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            Assert.Equal(urls.Count, Directory.GetFiles(directory.FullName, "*.html").Length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> EnsureCheckerAsync()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.RepositoryRoot, "scripts", "ensure-vnu.sh")]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "scripts/ensure-vnu.sh could not install the Nu Html Checker");
        return output.Trim().Split('\n')[^1];
    }
}
