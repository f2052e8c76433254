using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Recovery: an unfinished run keeps a durable reminder (so some silo re-activates it after any crash) and,
/// while active, a watchdog timer. The executor's lease lives only in memory: a fresh activation grants the
/// current attempt one whole lease, and an executor that is alive renews it at once.
/// </summary>
public sealed partial class RunGrain : IRemindable
{
    private const string RecoveryReminder = "run-recovery";

    private IGrainTimer? _watchdog;
    private DateTimeOffset _leaseExpiresAt;
    private DateTimeOffset _nextDispatchAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && !S.Status.IsTerminal())
        {
            var now = time.GetUtcNow();
            _leaseExpiresAt = now + Recovery.Lease;
            _nextDispatchAt = S.RetryAt is { } retryAt && retryAt > now ? retryAt : now;
            StartWatchdog();
        }

        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists || S.Status.IsTerminal())
        {
            await StopRecoveryAsync();
            return;
        }

        await CheckAttemptAsync();
    }

    public Task<bool> RenewLeaseAsync(int attempt)
    {
        if (!IsCurrent(attempt))
        {
            return Task.FromResult(false);
        }

        RenewLease();
        return Task.FromResult(true);
    }

    public async Task<bool> ReleaseAsync(int attempt, string reason)
    {
        if (!IsCurrent(attempt))
        {
            return false;
        }

        await ScheduleNextAttemptAsync(reason, Recovery.ReleaseDelay);
        return true;
    }

    private RunRecoveryOptions Recovery => recovery.Value;

    private void RenewLease() => _leaseExpiresAt = time.GetUtcNow() + Recovery.Lease;

    /// <summary>Called once the run is saved as queued: from here on a crash anywhere cannot strand it.</summary>
    private async Task StartRecoveryAsync()
    {
        await this.RegisterOrUpdateReminder(RecoveryReminder, Recovery.ReminderPeriod, Recovery.ReminderPeriod);
        StartWatchdog();
    }

    private void StartWatchdog()
    {
        var period = Recovery.RenewEvery;
        _watchdog ??= this.RegisterGrainTimer(_ => CheckAttemptAsync(), period, period);
    }

    private async Task StopRecoveryAsync()
    {
        _watchdog?.Dispose();
        _watchdog = null;
        try
        {
            if (await this.GetReminder(RecoveryReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex)
        {
            // The run's outcome is already saved; the reminder's next tick finds it terminal and tries again.
            LogReminderNotRemoved(ex, RunId);
        }
    }

    /// <summary>Dispatches a queued run that is due, and retries a running attempt whose lease lapsed.</summary>
    private async Task CheckAttemptAsync()
    {
        var now = time.GetUtcNow();
        if (S.Status == RunStatus.Queued && now >= _nextDispatchAt)
        {
            // Also covers a dispatch lost with its silo: re-sending it is harmless, one claim of an attempt wins.
            await DispatchAsync();
        }
        else if (S.Status == RunStatus.Running && now >= _leaseExpiresAt)
        {
            var lapsed = $"attempt {S.Attempt} on {S.ClaimedBy} stopped renewing its lease";
            LabMetrics.LeaseLapses.Add(1, LabMetrics.Kind(S.Spec!.Kind));
            if (S.Attempt - S.AttemptBase >= Recovery.MaxAttempts)
            {
                S.LastError = $"{lapsed}; no attempts left ({Recovery.MaxAttempts})";
                await FinishAsync(RunStatus.Failed, RunEventNames.Failed, S.LastError, deadLetter: true);
                return;
            }

            await ScheduleNextAttemptAsync(lapsed, TimeSpan.Zero);
        }
    }

    /// <summary>Gives up the current attempt without failing the run: it is queued again for a new attempt after the delay.</summary>
    private async Task ScheduleNextAttemptAsync(string reason, TimeSpan delay, string? error = null)
    {
        var now = time.GetUtcNow();
        S.Status = RunStatus.Queued;
        S.RetryAt = now + delay;
        Append(RunEventNames.RetryScheduled, message: $"{reason}; attempt {S.Attempt + 1} in {delay.TotalSeconds:0.###} s",
            delaySeconds: delay.TotalSeconds, error: error);
        await state.WriteStateAsync();
        LabMetrics.Retries.Add(1, LabMetrics.Kind(S.Spec!.Kind));
        await UpdateIndexAsync();
        _nextDispatchAt = S.RetryAt.Value;
        if (delay <= TimeSpan.Zero)
        {
            await DispatchAsync();
        }
        else
        {
            // Sooner than the watchdog's next tick; the reminder still covers a silo lost meanwhile. The timer's clock is
            // not the wall clock, so it may fire a hair before RetryAt: it dispatches the retry it was set for, as is.
            var due = S.RetryAt.Value;
            this.RegisterGrainTimer(_ => DispatchRetryAsync(due), delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task DispatchRetryAsync(DateTimeOffset due)
    {
        if (S.Status == RunStatus.Queued && S.RetryAt == due)
        {
            await DispatchAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} is finished but its recovery reminder could not be removed yet")]
    private partial void LogReminderNotRemoved(Exception exception, string runId);
}
