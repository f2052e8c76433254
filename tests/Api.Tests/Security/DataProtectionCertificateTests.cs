using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LabSandbox.Api.Infrastructure.Security;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>The optional certificate that encrypts the key ring at rest: loaded when configured, refused with the setting's name when unusable.</summary>
public sealed class DataProtectionCertificateTests
{
    public const string Password = "test-only";

    [Fact]
    public void No_path_is_no_certificate_and_a_usable_file_loads_with_its_private_key()
    {
        Assert.Null(DataProtectionCertificate.Load(Configuration(null)));

        var pfx = WritePkcs12(withPrivateKey: true);
        try
        {
            using var certificate = DataProtectionCertificate.Load(Configuration(pfx));
            Assert.NotNull(certificate);
            Assert.True(certificate.HasPrivateKey);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public void A_missing_file_a_wrong_password_or_no_private_key_stops_the_start_naming_the_setting()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"labsandbox-dp-{Guid.NewGuid():N}.pfx");
        var withKey = WritePkcs12(withPrivateKey: true);
        var publicOnly = WritePkcs12(withPrivateKey: false);
        try
        {
            foreach (var (path, password) in new[] { (missing, Password), (withKey, "wrong"), (publicOnly, Password) })
            {
                var error = Assert.Throws<InvalidOperationException>(() => DataProtectionCertificate.Load(Configuration(path, password)));
                Assert.Contains(DataProtectionCertificate.PathKey, error.Message);
            }
        }
        finally
        {
            File.Delete(withKey);
            File.Delete(publicOnly);
        }
    }

    /// <summary>A fresh self-signed RSA certificate as a PKCS#12 file (with or without its private key); returns its path.</summary>
    public static string WritePkcs12(bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=labsandbox-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = Path.Combine(Path.GetTempPath(), $"labsandbox-dp-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    private static IConfiguration Configuration(string? path, string password = Password) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DataProtectionCertificate.PathKey] = path,
            [DataProtectionCertificate.PasswordKey] = password,
        }).Build();
}
