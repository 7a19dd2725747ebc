using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using System.Text;
using System.Xml.Linq;
using BaliProcess.Web.Features.Accounts;
using BaliProcess.Web.Infrastructure.Security;

namespace BaliProcess.Web.UnitTests.Security;

/// <summary>Issue 20's rules that need no database: return addresses, staff text, the XML writer.</summary>
public sealed class SecurityUnitTests
{
    [Theory]
    [InlineData("/\t/evil.example")]      // browsers drop the tab: //evil.example
    [InlineData("/%09/evil.example")]     // the same, encoded once more
    [InlineData("/\n/evil.example")]
    [InlineData("/%0a/evil.example")]
    [InlineData("/\r/evil.example")]
    [InlineData("/ /evil.example")]
    [InlineData("/%20/evil.example")]
    [InlineData("/\u00A0/evil.example")]
    [InlineData("/\u0000/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%2F/evil.example")]
    [InlineData("/%2f%2fevil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/staff?next=https://evil.example")]
    [InlineData("evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void A_return_address_with_whitespace_control_characters_or_another_host_is_refused(string? url) =>
        Assert.Equal("/staff", LocalUrl.OrDefault(url, "/staff"));

    [Theory]
    [InlineData("/")]
    [InlineData("/staff/work-plans/tip-working-group-forward-work-plan-2015-17")]
    [InlineData("/admin/accounts?page=2")]
    public void A_path_on_the_portal_is_kept(string url) => Assert.Equal(url, LocalUrl.OrDefault(url, "/staff"));

    [Theory]
    [InlineData("Pasted\u000Bfrom Word", true)]
    [InlineData("Bell\u0007", true)]
    [InlineData("Escape \u001B[31mred", true)]
    [InlineData("Next line\u0085", true)]
    [InlineData("Delete\u007F", true)]
    [InlineData("Non-character \uFFFF", true)]
    [InlineData("Line one\nline two", false)]
    [InlineData("Tab\tseparated", false)]
    [InlineData("Türkiye, Việt Nam, 日本, emoji 🙂", false)]
    public void Multi_line_staff_text_refuses_control_characters_but_keeps_line_breaks(string text, bool refused)
    {
        var problem = StaffText.Problem(text, "note", multiline: true);
        Assert.Equal(refused, problem is not null);
        if (refused)
        {
            Assert.StartsWith("The note contains", problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Single_line_staff_text_refuses_line_breaks_and_half_a_surrogate_pair()
    {
        Assert.NotNull(StaffText.Problem("Title\nwith a break", "title"));
        Assert.NotNull(StaffText.Problem("Broken \uD83D pair", "title"));
        Assert.Null(StaffText.Problem("Whole 🙂 pair", "title"));
    }

    [Fact]
    public void The_xml_writer_drops_what_xml_cannot_carry_and_stays_well_formed()
    {
        var sb = new StringBuilder();
        using (var xml = XmlSafeWriter.Create(sb))
        {
            xml.WriteStartElement("feed");
            xml.WriteAttributeString("title", "A\u000Bttribute\uD800");
            xml.WriteElementString("note", "Vertical\u000Btab, bell\u0007, 🙂, Türkiye\uFFFE");
            xml.WriteEndElement();
        }

        var root = XDocument.Parse(sb.ToString()).Root!;
        Assert.Equal("Attribute", root.Attribute("title")!.Value);
        Assert.Equal("Verticaltab, bell, 🙂, Türkiye", root.Element("note")!.Value);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]                       // the same IPv4 client on a dual-stack socket
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]   // the same subscriber's network
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Rate_limits_count_IPv4_clients_by_address_and_IPv6_clients_by_their_slash_64(string address, string key) =>
        Assert.Equal(key, ClientKey.Of(System.Net.IPAddress.Parse(address)));
}

/// <summary>Data Protection keys encrypted to a certificate kept outside the database (issue 20).</summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("bp-dpkeys-");

    [Fact]
    public void With_a_certificate_configured_a_new_key_is_stored_encrypted_and_still_protects_and_unprotects()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=Bali Process portal keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(work.FullName, "keys.pfx");
        File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "a test password"));

        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "a test password",
        }).Build();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var keys = Path.Combine(work.FullName, "ring");
        var builder = Microsoft.Extensions.DependencyInjection.DataProtectionServiceCollectionExtensions.AddDataProtection(services)
            .SetApplicationName("BaliProcess.Portal");
        Microsoft.AspNetCore.DataProtection.DataProtectionBuilderExtensions.PersistKeysToFileSystem(builder, new DirectoryInfo(keys));
        DataProtectionKeys.ProtectWithConfiguredCertificate(builder, configuration, new TestEnvironment());
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var protector = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.CreateProtector(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(provider), "test");
        var sealedText = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protector, "an Administrator's session");
        Assert.Equal("an Administrator's session", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(protector, sealedText));

        var stored = string.Join("\n", Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText));
        Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
        Assert.Contains("EncryptedXml", stored, StringComparison.Ordinal);
        // An unencrypted key carries its secret in a <value> element; an encrypted one only as EncryptedXml.
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "BaliProcess.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
