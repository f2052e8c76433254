using LabSandbox.Silo.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabSandbox.Api.Infrastructure.Hosting;

/// <summary>
/// Retries a failed gateway connection a bounded number of times, one second apart, then gives up with
/// the last error (the client's default is to keep trying for minutes).
/// </summary>
public sealed partial class BoundedConnectRetryFilter(IOptions<LabSandboxOptions> options, ILogger<BoundedConnectRetryFilter> logger) : IClientConnectionRetryFilter
{
    private readonly int _maxAttempts = Math.Max(1, options.Value.ClientConnectAttempts);
    private int _failures;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var failures = Interlocked.Increment(ref _failures);
        if (failures >= _maxAttempts)
        {
            LogGaveUp(failures, exception.Message);
            return false;
        }

        LogRetrying(failures, _maxAttempts, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster connection attempt {Attempt}/{MaxAttempts} failed: {Error}; retrying")]
    private partial void LogRetrying(int attempt, int maxAttempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving up on the cluster after {Attempts} attempts: {Error}")]
    private partial void LogGaveUp(int attempts, string error);
}
