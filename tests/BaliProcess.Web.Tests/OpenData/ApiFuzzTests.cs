using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace BaliProcess.Web.Tests.OpenData;

/// <summary>2,000 random and hostile parameter values against the API (and the downloads): never a 5xx.</summary>
[Collection(OpenDataCollection.Name)]
public sealed class ApiFuzzTests(PortalFactory portal)
{
    private const int Requests = 2000;

    private static readonly (string Path, string[] Parameters)[] Targets =
    [
        ("/api/v1/members", ["name", "kind", "region", "sort", "page", "pageSize"]),
        ("/api/v1/observers", ["name", "kind", "region", "sort", "page", "pageSize"]),
        ("/api/v1/other-bodies", ["name", "kind", "region", "sort", "page", "pageSize"]),
        ("/api/v1/meetings", ["kind", "from", "to", "group", "place", "page", "pageSize"]),
        ("/api/v1/working-groups", ["page", "pageSize"]),
        ("/api/v1/work-plans", ["page", "pageSize"]),
        ("/api/v1/work-plans/tip-working-group-forward-work-plan-2015-17", ["status"]),
        ("/api/v1/statements", ["page", "pageSize"]),
        ("/api/v1/themes", ["page", "pageSize"]),
        ("/api/v1/themes/follow-the-money/paragraphs", ["page", "pageSize"]),
        ("/api/v1/search", ["q", "theme", "year", "kind", "group", "member", "page", "pageSize"]),
        ("/api/v1/search", ["q", "page"]),
        ("/api/v1/sources", ["page", "pageSize"]),
        ("/download/members.csv", ["name", "kind", "region", "sort"]),
        ("/download/meetings.json", ["kind", "from", "to", "group", "place"]),
        ("/download/search.csv", ["q", "theme", "year", "kind"]),
    ];

    private static readonly string[] SlugPaths =
        ["/api/v1/participants/", "/api/v1/meetings/", "/api/v1/working-groups/", "/api/v1/work-plans/", "/api/v1/statements/", "/api/v1/themes/", "/statements/x/cite.ris?paragraph="];

    private static readonly string[] Hostile =
    [
        "", " ", "%00", "a%00b", "%01%02%1F", "%7F", "%C0%AF", "%ED%A0%80", "%FF%FE", "%E2%80%AE", "%EF%BF%BF", "%F0%9F%92%A9",
        "'", "''", "\"", "'; DROP TABLE participants; --", "1 OR 1=1", "%25", "%5C", "\\\\", "%2F..%2F..%2Fetc%2Fpasswd",
        "<script>alert(1)</script>", "%3Cscript%3E", "${jndi:ldap://x}", "{{7*7}}", "%n%s%x", "NaN", "Infinity", "-0", "+1", "1e309",
        "0x10", "1.5", "１２", "٣", "2147483647", "2147483648", "-2147483649", "99999999999999999999999999", "00000000001",
        "Government", "GOVERNMENT", "government ", "Member", "name", "region", "kind", "Event", "ministerial-conference",
        "\"follow the money\"", "trafficking -labour", "or or or", "!!!", "&&&", "|", "*", ":*", "a:*", "(", ")", "((((", "!", "<->",
        "Türkiye", "Viet Nam", "Lao PDR", "العربية", "中文", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "e\u0301", "\u200B", "\uFEFF",
    ];

    [Fact]
    public async Task Random_and_hostile_values_never_cause_a_server_error()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 20261125;
        var random = new Random(seed);
        var urls = Enumerable.Range(0, Requests).Select(_ => NextUrl(random)).ToList();
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, ct) =>
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {url}");
            }
        });

        Assert.True(failures.IsEmpty, $"seed {seed}: {failures.Count} server errors, e.g. {string.Join(" | ", failures.Take(5))}");
        Assert.Equal(Requests, statuses.Values.Sum());
        // The mix really exercised both paths: good answers and rejected parameters.
        Assert.True(statuses.GetValueOrDefault(200) > 100, string.Join(", ", statuses.Select(kv => $"{kv.Key}: {kv.Value}")));
        Assert.True(statuses.GetValueOrDefault(400) > 100, string.Join(", ", statuses.Select(kv => $"{kv.Key}: {kv.Value}")));
    }

    private static string NextUrl(Random random)
    {
        if (random.Next(10) == 0)
        {
            // A NUL in the path never reaches the portal (Kestrel answers 400 itself; the test server throws).
            var slugPath = SlugPaths[random.Next(SlugPaths.Length)];
            var value = Value(random);
            return slugPath + (slugPath.Contains('?', StringComparison.Ordinal) ? value : value.Replace("%00", "", StringComparison.Ordinal));
        }

        var (path, parameters) = Targets[random.Next(Targets.Length)];
        var query = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            query.Append(i == 0 ? '?' : '&').Append(parameters[random.Next(parameters.Length)]).Append('=').Append(Value(random));
        }

        return path + query;
    }

    /// <summary>A value already in URL form: a hostile one, a random number, random bytes, or a long run.</summary>
    private static string Value(Random random) => random.Next(6) switch
    {
        0 or 1 => Escape(Hostile[random.Next(Hostile.Length)]),
        2 => random.NextInt64(long.MinValue, long.MaxValue).ToString(CultureInfo.InvariantCulture),
        3 => random.Next(-5, 200).ToString(CultureInfo.InvariantCulture),
        4 => string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => "%" + random.Next(256).ToString("X2", CultureInfo.InvariantCulture))),
        _ => new string((char)random.Next('a', 'z' + 1), random.Next(150, 5000)),
    };

    /// <summary>Hostile entries written with % escapes stay as they are; the rest are escaped.</summary>
    private static string Escape(string value) => value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value);
}
