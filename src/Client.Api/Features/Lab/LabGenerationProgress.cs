using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Lab;

/// <summary>One pool's end as the run reported it (a <c>RUN.PROGRESS</c> event), or another lifecycle event.</summary>
public sealed record LabGenerationEvent(long Sequence, string Name, DateTimeOffset At, string? Message, string? Error);

/// <summary>What the generate panel shows of a <c>lab_generation</c> run: its status, progress, events and, once done, its report.</summary>
/// <param name="Percent">The last reported share of pools done (0–100).</param>
/// <param name="Report">The report's summary (configKey, created, skipped, failed) once the run has succeeded.</param>
public sealed record LabGenerationProgress(
    string RunId,
    RunStatus Status,
    bool DeadLettered,
    double Percent,
    string? LastError,
    IReadOnlyList<LabGenerationEvent> Events,
    string? ReportArtifactId,
    IReadOnlyDictionary<string, string>? Report)
{
    public bool IsTerminal => Status.IsTerminal();
}

/// <summary>
/// Follows one generation run through the same grain contracts as <c>GET /api/v1/runs/{id}</c> and its events: reads
/// only the events after the last one seen, so a long-open page costs one small read per tick.
/// </summary>
public sealed class LabGenerationWatcher(IClusterClient cluster, string runId)
{
    private readonly List<LabGenerationEvent> events = [];
    private long lastSequence;
    private double percent;

    public string RunId => runId;

    /// <summary>The run as it is now, or null when no such run exists.</summary>
    public async Task<LabGenerationProgress?> ReadAsync()
    {
        var grain = cluster.GetGrain<IRunGrain>(runId);
        var run = await grain.GetAsync();
        if (run is null)
        {
            return null;
        }

        while (await grain.GetEventsAsync(lastSequence, 200) is { Events.Count: > 0 } page)
        {
            foreach (var e in page.Events)
            {
                events.Add(new LabGenerationEvent(e.Sequence, e.Name, e.At, e.Message, e.Error));
                percent = e.Percent ?? percent;
                lastSequence = e.Sequence;
            }
        }

        var metrics = run.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Metrics)?.ArtifactId;
        IReadOnlyDictionary<string, string>? report = null;
        if (run.Status == RunStatus.Succeeded && metrics is not null)
        {
            report = (await cluster.GetGrain<IArtifactGrain>(metrics).GetAsync())?.Summary;
            percent = 100;
        }

        return new LabGenerationProgress(run.RunId, run.Status, run.DeadLettered, percent, run.LastError, events.ToList(), metrics, report);
    }
}

/// <summary>Starts a generation exactly as <c>POST /api/v1/lab/candidates/generate</c> does, from the form's body.</summary>
public static class LabGeneration
{
    public static Task<RunStart> StartAsync(IClusterClient cluster, LabConfigForm form) =>
        Infrastructure.StartedRuns.StartAsync(cluster, RunKinds.LabGeneration, form.ToRequestJson());
}
