using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// The Data Protection key ring (which signs the session, two-factor and antiforgery cookies) lives in the database so
/// that every instance shares it (decision 0012). Unencrypted, a leaked backup would let anyone mint an Administrator's
/// cookie (issue 20). With a certificate configured, each key is stored encrypted to it (XML encryption, the
/// certificate's RSA key), and the certificate is kept outside the database: a file mounted from a secret store
/// ("DataProtection:CertificatePath" and "DataProtection:CertificatePassword") or the machine's certificate store
/// ("DataProtection:CertificateThumbprint"). "DataProtection:PreviousCertificatePaths" lists earlier certificates (same
/// password) whose keys must still be read after a certificate is replaced.
/// </summary>
public static class DataProtectionKeys
{
    public const string Section = "DataProtection";

    public static void ProtectWithConfiguredCertificate(IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(Section);
        var password = section["CertificatePassword"];
        X509Certificate2? certificate = null;
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            certificate = Load(path, password);
        }
        else if (section["CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            certificate = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).OfType<X509Certificate2>().FirstOrDefault()
                ?? throw new InvalidOperationException($"{Section}:CertificateThumbprint names no certificate in the current user's store ({thumbprint}).");
        }

        if (certificate is null)
        {
            if (environment.IsProduction())
            {
                // Not a refusal to start: a deployment without the secret still works, but ops are told what is missing.
                dataProtection.Services.AddHostedService<MissingCertificateWarning>();
            }

            return;
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The {Section} certificate has no private key: the portal could write keys but never read them back.");
        }

        var previous = (section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? []).Select(p => Load(p, password));
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate([certificate, .. previous]);
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    private sealed class MissingCertificateWarning(ILogger<MissingCertificateWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Data Protection keys are stored unencrypted in the database: set {Section}__CertificatePath (a PKCS#12 file kept outside the database) and {Section}__CertificatePassword (docs/deployment.md).", Section, Section);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
