using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Grains.Common;

/// <summary>Refreshes <see cref="RunStatusView"/> every <see cref="Every"/> on each silo; a failed read keeps the last counts.</summary>
public sealed partial class RunStatusRefresher(IGrainFactory grains, ILogger<RunStatusRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    /// <summary>Until the first read succeeds (the silo is usually still joining), tries again every second.</summary>
    public static readonly TimeSpan FirstReadRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = LabMetrics.RunsActive; // Creates the gauge with the meter's other instruments, before any run touches them.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                RunStatusView.Update(await RunStatusView.ReadAsync(grains).WaitAsync(Every, stoppingToken));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogRefreshFailed(ex);
            }

            await Task.Delay(RunStatusView.Latest is null ? FirstReadRetry : Every, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not refresh the run status counts for the runs.active gauge")]
    private partial void LogRefreshFailed(Exception ex);
}
