using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;

namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// One durable run (docs/architecture.md, domain rules: nouns). Clients create, read and cancel it; the executor reports back through
/// the attempt-fenced methods, so a stale execution can never change a newer attempt or a terminal run.
/// </summary>
[Alias("LabSandbox.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Creates the run as queued and dispatches it. Repeating it with the same spec is a no-op.</summary>
    [Alias("Create")]
    Task<CommandResult<RunSnapshot>> CreateAsync(RunSpec spec);

    [ReadOnly, Alias("Get")]
    Task<RunSnapshot?> GetAsync();

    /// <summary>Events with a sequence greater than <paramref name="afterSequence"/>, oldest first.</summary>
    [ReadOnly, Alias("GetEvents")]
    Task<RunEventPage?> GetEventsAsync(long afterSequence, int limit);

    /// <summary>Cancels a queued or running run; a terminal run is a conflict and stays as it is.</summary>
    [Alias("Cancel")]
    Task<CommandResult<RunSnapshot>> CancelAsync();

    /// <summary>Executor: claims attempt <paramref name="attempt"/>; false when the run is not runnable by it.</summary>
    [Alias("TryStart")]
    Task<bool> TryStartAsync(int attempt, string claimedBy);

    [Alias("ReportProgress")]
    Task<bool> ReportProgressAsync(int attempt, string phase, double percent, string message);

    /// <summary>Executor: succeeds the run with its artifacts; without a <c>metrics</c> artifact the run fails (INV-4).</summary>
    [Alias("Complete")]
    Task<bool> CompleteAsync(int attempt, IReadOnlyList<ArtifactRef> artifacts);

    /// <summary>
    /// Executor: attempt <paramref name="attempt"/> failed. A retryable failure with attempts left schedules the next
    /// attempt after a backoff (<c>RUN.RETRY_SCHEDULED</c>); otherwise the run fails, and dead-letters when its
    /// attempts are spent (INV-10).
    /// </summary>
    [Alias("Fail")]
    Task<bool> FailAsync(int attempt, RunFailure failure);

    /// <summary>Re-queues a dead-lettered run without consuming an attempt; anything else is a conflict.</summary>
    [Alias("Requeue")]
    Task<CommandResult<RunSnapshot>> RequeueAsync();

    /// <summary>Executor: keeps attempt <paramref name="attempt"/> alive; false once it is no longer the run's (stop working).</summary>
    [Alias("RenewLease")]
    Task<bool> RenewLeaseAsync(int attempt);

    /// <summary>
    /// Executor: gives the attempt up without failing the run (its silo is shutting down); the run is queued
    /// again and the next attempt resumes from the attempt's checkpoint.
    /// </summary>
    [Alias("Release")]
    Task<bool> ReleaseAsync(int attempt, string reason);
}
