using LabSandbox.Grains.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using LabSandbox.TestSupport;

namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>
/// The API as `dotnet run` starts it (embedded silo by default), with per-instance ports, cluster ids and
/// artifact folder so test classes never share a cluster. Grain storage is wrapped in a write counter.
/// </summary>
public sealed class LabApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Extra registrations (e.g. a test run kind's planner and handler).</param>
    public LabApiFactory(IDictionary<string, string?>? settings = null, string? serviceId = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        var id = serviceId ?? $"api-test-{Interlocked.Increment(ref s_instances)}-{Environment.ProcessId}";
        ServiceId = id;
        _settings = new Dictionary<string, string?>
        {
            ["LabSandbox:ClusterId"] = id,
            ["LabSandbox:ServiceId"] = id,
            ["LabSandbox:SiloPort"] = FreePorts.Next().ToString(),
            ["LabSandbox:GatewayPort"] = FreePorts.Next().ToString(),
            ["LabSandbox:ArtifactRoot"] = Path.Combine(Path.GetTempPath(), "labsandbox-tests", id),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    private static int s_instances;

    public string ServiceId { get; }

    public CountingGrainStorage? Storage { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // Wrap the provider the product registered, whatever it is (memory or ADO.NET).
            var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, LabStorage.Name));
            if (original?.KeyedImplementationFactory is { } factory)
            {
                services.AddKeyedSingleton<IGrainStorage>(LabStorage.Name, (sp, key) =>
                    Storage ??= new CountingGrainStorage((IGrainStorage)factory(sp, key)));
            }

            _services?.Invoke(services);
        });
    }
}
