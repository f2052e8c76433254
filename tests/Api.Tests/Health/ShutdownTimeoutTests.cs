using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace LabSandbox.Api.Tests.Health;

/// <summary><c>LabSandbox:ShutdownTimeoutSeconds</c> becomes the host's graceful-stop budget, in the API and the silo host.</summary>
public sealed class ShutdownTimeoutTests
{
    [Fact]
    public async Task The_api_host_takes_its_shutdown_timeout_from_configuration()
    {
        await using var factory = new LabApiFactory(new Dictionary<string, string?> { ["LabSandbox:ShutdownTimeoutSeconds"] = "45" });
        _ = factory.Services; // builds and starts the host
        Assert.Equal(TimeSpan.FromSeconds(45), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void The_default_is_30_seconds_and_a_non_positive_value_is_refused()
    {
        var services = new ServiceCollection().AddLabShutdownTimeout(new LabSandboxOptions()).BuildServiceProvider();
        Assert.Equal(TimeSpan.FromSeconds(30), services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);

        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddLabShutdownTimeout(new LabSandboxOptions { ShutdownTimeoutSeconds = 0 }));
        Assert.Contains("LabSandbox:ShutdownTimeoutSeconds", error.Message);
    }
}
