using LabSandbox.Silo.Hosting;

namespace LabSandbox.Api.Infrastructure.Hosting;

/// <summary>How the API reaches grains: an in-process silo (embedded, the default) or a client of separate silos.</summary>
public static class LabOrleansHosting
{
    public const string ModeKey = "LabSandbox:Mode";

    public static WebApplicationBuilder AddLabOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var mode = configuration[ModeKey] ?? "embedded";
        switch (mode.ToLowerInvariant())
        {
            case "embedded":
                builder.UseOrleans(silo => silo.UseLabSandbox(configuration, KubernetesHosting.Disabled));
                break;
            case "client":
                builder.UseOrleansClient(client => ConfigureClient(client, configuration));
                break;
            default:
                throw new InvalidOperationException($"{ModeKey} must be 'embedded' or 'client', not '{mode}'.");
        }

        return builder;
    }

    private static void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        client.UseLabSandboxCluster(configuration);
        client.Services.Configure<LabSandboxOptions>(configuration.GetSection(LabSandboxOptions.Section));
        client.UseConnectionRetryFilter<BoundedConnectRetryFilter>();
        client.AddActivityPropagation();
        client.AddLabDashboard();
    }
}
