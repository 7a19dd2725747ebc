using System.Net;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Features.OpenData;
using BaliProcess.Web.Tests.Editing;
using BaliProcess.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BaliProcess.Web.Tests.Security;

/// <summary>
/// Public endpoints whose cost a visitor chooses are bounded (issue 20): the sitemap and the data package are read
/// once per record generation, and anonymous clients cannot open interactive circuits.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class BoundedEndpointTests(EditingFixture fixture)
{
    [Fact]
    public async Task The_sitemap_and_the_data_package_are_read_once_until_the_record_changes()
    {
        async Task<T> FromNewScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
        {
            await using var scope = fixture.Portal.Services.CreateAsyncScope();
            return await read(scope.ServiceProvider);
        }

        var sitemap = await FromNewScopeAsync(s => s.GetRequiredService<SitemapBuilder>().EntriesAsync(CancellationToken.None));
        Assert.Same(sitemap, await FromNewScopeAsync(s => s.GetRequiredService<SitemapBuilder>().EntriesAsync(CancellationToken.None)));
        var package = await FromNewScopeAsync(s => s.GetRequiredService<DataPackageBuilder>().GetAsync(CancellationToken.None));
        Assert.Same(package, await FromNewScopeAsync(s => s.GetRequiredService<DataPackageBuilder>().GetAsync(CancellationToken.None)));

        // Over HTTP the same: two downloads of the same search give the same bytes (the second from memory).
        using var client = fixture.Portal.CreateClient();
        var first = await client.GetByteArrayAsync(new Uri("/download/search.csv?q=trafficking", UriKind.Relative));
        Assert.Equal(first, await client.GetByteArrayAsync(new Uri("/download/search.csv?q=trafficking", UriKind.Relative)));
        Assert.True(first.Length > 1000);
    }

    [Fact]
    public async Task An_anonymous_client_cannot_open_a_circuit_and_a_signed_in_one_can()
    {
        using var anonymous = StaffAccounts.NewClient(fixture.Portal);
        using var refused = await anonymous.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var user = await StaffAccounts.CreateUserAsync(fixture.Portal, PortalRoles.Secretariat);
        using var staff = await StaffAccounts.SignedInClientAsync(fixture.Portal, user.Email!);
        using var negotiated = await staff.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        Assert.Contains("connectionToken", await negotiated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
