using System.Security.Cryptography.X509Certificates;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The optional certificate that encrypts the PostgreSQL key ring at rest: <c>LabSandbox:DataProtection:CertificatePath</c>
/// (a PKCS#12 file with its private key, e.g. mounted from a Kubernetes Secret) and <c>CertificatePassword</c>. Every API
/// process of the service must load the same certificate: keys written under it are unreadable without its private key.
/// Without a path the keys are stored unencrypted (docs/security.md).
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathKey = "LabSandbox:DataProtection:CertificatePath";

    public const string PasswordKey = "LabSandbox:DataProtection:CertificatePassword";

    /// <summary>The configured certificate, or null when none is; throws naming the setting when it cannot be used.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{PathKey}: the file '{path}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{PathKey}: '{path}' is not a PKCS#12 file this password opens ({e.Message}).", e);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{PathKey}: '{path}' must hold an RSA certificate with its private key (it decrypts the key ring).");
        }

        return certificate;
    }
}
