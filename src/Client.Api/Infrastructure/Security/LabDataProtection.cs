using LabSandbox.Silo.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Npgsql;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// Where the API's Data Protection keys live (they protect the session cookie and antiforgery tokens). With
/// <c>ConnectionStrings:LabSandbox</c> set: in PostgreSQL (<see cref="PostgresXmlRepository"/>), one key ring per
/// <c>LabSandbox:ServiceId</c> shared by every API process of that service, under one application name so every
/// replica derives the same purposes whatever its content root. Without one: ASP.NET Core's defaults, as before
/// (the embedded lab on one machine). <see cref="DataProtectionCertificate"/> optionally encrypts the keys at rest.
/// </summary>
public static class LabDataProtection
{
    /// <summary>The application name every API process of a service shares (the protectors' discriminator).</summary>
    public const string ApplicationName = "LabSandbox.Api";

    /// <summary>The key of the data source the key ring uses (its own small pool, disposed with the host).</summary>
    public const string DataSourceKey = "labsandbox-data-protection";

    public static WebApplicationBuilder AddLabDataProtection(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(LabSandboxOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return builder;
        }

        var options = builder.Configuration.GetSection(LabSandboxOptions.Section).Get<LabSandboxOptions>() ?? new LabSandboxOptions();
        var services = builder.Services;
        services.AddKeyedSingleton(DataSourceKey, (_, _) => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton(sp => new PostgresXmlRepository(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey), options.ServiceId));
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (DataProtectionCertificate.Load(builder.Configuration) is { } certificate)
        {
            // Encrypts each new key's secret with the certificate's public key and decrypts with its private key.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<PostgresXmlRepository>((keyManagement, repository) => keyManagement.XmlRepository = repository);

        // A missing table stops the API at start with the reason, instead of failing the first sign-in.
        services.AddHostedService<DataProtectionKeyRingCheck>();
        return builder;
    }
}
