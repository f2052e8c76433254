using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Simulations;

/// <summary>A finished simulation run and its inline <c>metrics</c> artifact.</summary>
public sealed record SimulationResult(RunSnapshot Run, ArtifactRecord Metrics);

/// <summary>Plans, submits and waits for simulation runs through the grains, as the API would.</summary>
public sealed class SimulationDriver(IGrainFactory grains)
{
    /// <summary>
    /// The pinned advancement run, under a fixed id in every cluster: artifact ids derive from the run id,
    /// and the metrics name the advancement artifact, so equal ids make runs on different clusters comparable.
    /// </summary>
    public const string AdvancementRunId = "simtests-advancement-ncaa-2025-pre-tournament";

    public const string Calcutta = "calcutta-2025";

    public const string StartingState = "pre_tournament";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public RunDriver Runs { get; } = new(grains);

    public static string NewRunId(string purpose) => $"simtest-{purpose}-{Guid.NewGuid():N}";

    /// <summary>Creates (idempotently) and waits for the pinned advancement run; returns its metrics artifact id.</summary>
    public async Task<string> AdvancementArtifactIdAsync()
    {
        var spec = await Runs.PlanAdvancementAsync(RunDriver.AdvancementRequest(StartingState));
        await Runs.CreateAsync(AdvancementRunId, spec);
        var run = await WaitTerminalAsync(AdvancementRunId);
        Assert.True(run.Status == RunStatus.Succeeded, $"advancement run {run.Status}: {run.LastError}");
        return run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId;
    }

    /// <summary>
    /// The request as the API receives it. Numbers are longs: the planner reads them with
    /// <c>TryGetValue&lt;long&gt;</c>, which a JsonValue built from an <c>int</c> refuses.
    /// </summary>
    public static JsonObject Request(string advancementArtifactId, long nSims, long seed, long chunkSize) => new()
    {
        ["kind"] = RunKinds.Simulation,
        ["calcuttaId"] = Calcutta,
        ["advancementArtifactId"] = advancementArtifactId,
        ["nSims"] = nSims,
        ["seed"] = seed,
        ["startingState"] = StartingState,
        ["chunkSize"] = chunkSize,
    };

    public async Task<RunSpec> PlanAsync(long nSims, long seed, int chunkSize)
    {
        var request = Request(await AdvancementArtifactIdAsync(), nSims, seed, chunkSize);
        var plan = await new SimulationRunPlanner().PlanAsync(request, grains);
        Assert.True(plan.Spec is not null, "plan rejected: " + JsonSerializer.Serialize(plan.Errors));
        return plan.Spec!;
    }

    public Task<RunSnapshot> CreateAsync(string runId, RunSpec spec) => Runs.CreateAsync(runId, spec);

    /// <summary>Creates the run, waits for it to succeed and reads its metrics.</summary>
    public async Task<SimulationResult> RunAsync(string runId, RunSpec spec)
    {
        await CreateAsync(runId, spec);
        return await SucceededAsync(runId);
    }

    /// <summary>Waits for the run to end, asserts it succeeded and reads its metrics.</summary>
    public async Task<SimulationResult> SucceededAsync(string runId)
    {
        var run = await WaitTerminalAsync(runId);
        Assert.True(run.Status == RunStatus.Succeeded, $"run {runId} ended {run.Status}: {run.LastError}");
        return new SimulationResult(run, await MetricsAsync(run));
    }

    public async Task<ArtifactRecord> MetricsAsync(RunSnapshot run)
    {
        var reference = Assert.Single(run.Artifacts, a => a.Kind == ArtifactKinds.Metrics);
        var metrics = await grains.GetGrain<IArtifactGrain>(reference.ArtifactId).GetAsync();
        Assert.NotNull(metrics);
        Assert.NotNull(metrics.InlineContent);
        return metrics;
    }

    /// <summary>Polls until the run is terminal; a call lost with a stopping silo's gateway is just polled again.</summary>
    public async Task<RunSnapshot> WaitTerminalAsync(string runId, TimeSpan? timeout = null) =>
        (await Eventually.WaitAsync(() => TryGetAsync(runId), r => r is not null && r.Status.IsTerminal(),
            $"run {runId} to finish", timeout ?? DefaultTimeout))!;

    public async Task<RunSnapshot?> TryGetAsync(string runId)
    {
        try
        {
            return await grains.GetGrain<IRunGrain>(runId).GetAsync();
        }
        catch (OrleansException)
        {
            return null;
        }
    }

    public Task<IReadOnlyList<RunEvent>> EventsAsync(string runId) => Runs.EventsAsync(runId);

    public static IReadOnlyList<RunEvent> Progress(IEnumerable<RunEvent> events) =>
        events.Where(e => e.Name == RunEventNames.Progress).ToList();
}
