using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabSandbox.Silo.Hosting;

public static class LabShutdownExtensions
{
    /// <summary>
    /// The host's graceful-stop budget from <c>LabSandbox:ShutdownTimeoutSeconds</c>. On SIGTERM a silo's run executors
    /// stop and release their attempts (another silo resumes them from their checkpoints), then Orleans deactivates
    /// grains and leaves membership; the budget must cover that and stay below Kubernetes' termination grace period.
    /// </summary>
    public static IServiceCollection AddLabShutdownTimeout(this IServiceCollection services, LabSandboxOptions options)
    {
        if (options.ShutdownTimeoutSeconds <= 0)
        {
            throw new InvalidOperationException($"LabSandbox:ShutdownTimeoutSeconds must be positive, not {options.ShutdownTimeoutSeconds}.");
        }

        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownTimeoutSeconds));
        return services;
    }
}
