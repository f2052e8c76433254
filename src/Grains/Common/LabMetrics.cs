using System.Diagnostics.Metrics;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Common;

/// <summary>
/// The project's instruments beyond the three in <see cref="LabDiagnostics"/>, on the same meter (docs/observability.md,
/// "Metrics"). Every tag value comes from a small fixed set (run kinds, statuses, objectives): ids go to spans and logs.
/// </summary>
public static class LabMetrics
{
    public const string KindTag = "kind";
    public const string StatusTag = "status";
    public const string ObjectiveTag = "objective";
    public const string FieldHonestyTag = "field_honesty";

    private static Meter Meter => LabDiagnostics.Meter;

    /// <summary>Counted on the silo that ran the chunk, so its rate per scrape target is that silo's throughput.</summary>
    public static readonly Counter<long> SimulationsCompleted = Meter.CreateCounter<long>(
        "labsandbox.simulations.completed", unit: "{simulation}", description: "Simulations completed by chunks on this process, by run kind.");

    public static readonly Histogram<double> ChunkDuration = Meter.CreateHistogram<double>(
        "labsandbox.chunk.duration", unit: "s", description: "Wall time of one simulation chunk on the silo that ran it.");

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "labsandbox.runs.queue_wait", unit: "s", description: "From a run's creation to its first attempt's start, by kind.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "labsandbox.runs.retries", unit: "{retry}", description: "Further attempts scheduled (after a failure, a lapsed lease or a release by a stopping silo), by kind.");

    public static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "labsandbox.runs.dead_letters", unit: "{run}", description: "Runs failed and dead-lettered with no attempts left, by kind.");

    public static readonly Counter<long> LeaseLapses = Meter.CreateCounter<long>(
        "labsandbox.runs.lease_lapses", unit: "{lapse}", description: "Running attempts whose executor stopped renewing its lease, by kind.");

    public static readonly Counter<long> CheckpointsWritten = Meter.CreateCounter<long>(
        "labsandbox.checkpoints.written", unit: "{checkpoint}", description: "Simulation checkpoints saved to storage.");

    public static readonly Histogram<double> CheckpointDuration = Meter.CreateHistogram<double>(
        "labsandbox.checkpoints.duration", unit: "s", description: "Time to write one simulation checkpoint to storage.");

    public static readonly Counter<long> IdempotencyReplays = Meter.CreateCounter<long>(
        "labsandbox.idempotency.replays", unit: "{request}", description: "Requests answered with a stored response for a repeated Idempotency-Key.");

    public static readonly Counter<long> ExperimentIterations = Meter.CreateCounter<long>(
        "labsandbox.experiments.iterations", unit: "{iteration}", description: "Experiment search iterations recorded, by objective and field honesty.");

    /// <summary>Reads <see cref="RunStatusView"/>'s cached counts: never a grain call, so a scrape cannot block on the cluster.</summary>
    public static readonly ObservableGauge<int> RunsActive = Meter.CreateObservableGauge(
        "labsandbox.runs.active", RunStatusView.Measure, unit: "{run}", description: "Runs queued and running in the whole cluster, by status.");

    public static KeyValuePair<string, object?> Kind(string kind) => new(KindTag, kind);

    public static KeyValuePair<string, object?> Status(RunStatus status) => new(StatusTag, status.ToString().ToLowerInvariant());
}
