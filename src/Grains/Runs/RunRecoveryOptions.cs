namespace LabSandbox.Grains.Runs;

/// <summary>
/// How runs outlive their executors (configuration <c>LabSandbox:Runs</c>). An executor renews its
/// attempt's lease while it works; a run whose lease lapses (its executor's silo died or hung) is
/// dispatched again as a new attempt, resuming from whatever the lost attempt checkpointed.
/// </summary>
public sealed class RunRecoveryOptions
{
    /// <summary>How long a running attempt may go without renewing before it counts as lost.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The durable reminder that re-activates an unfinished run after its silo is gone (Orleans' minimum
    /// is one minute); while the run grain is active, a timer checks every third of a lease.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts a run may take (attempt 1 is the first execution) before it fails and is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Backoff before the second attempt; it doubles per attempt up to <see cref="RetryMaxDelay"/>, ±25% jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts a run may lose to cluster failures (a dead silo, storage restarting) on top of <see cref="MaxAttempts"/>.</summary>
    public int MaxClusterFailures { get; set; } = 20;

    /// <summary>Pause before the next attempt of a run released by a silo that is shutting down.</summary>
    public TimeSpan ReleaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an executor renews its lease.</summary>
    public TimeSpan RenewEvery => Lease / 3;
}
