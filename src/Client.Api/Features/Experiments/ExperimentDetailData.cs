using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// What the experiment page shows, read through the same grain contracts as the API and kept current incrementally:
/// each refresh reads the snapshot again, and only the iterations and events recorded since the last one (both logs
/// are append-only, so what was read stays true).
/// </summary>
public sealed class ExperimentDetailData(IClusterClient cluster, string experimentId)
{
    private const int IterationBatch = 100;
    private const int EventBatch = 1000;

    private readonly List<ExperimentIteration> iterations = [];
    private readonly List<ExperimentEvent> events = [];

    public ExperimentSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<ExperimentIteration> Iterations => iterations;

    public IReadOnlyList<ExperimentEvent> Events => events;

    public IReadOnlyList<ExperimentRunRef> Runs { get; private set; } = [];

    public IReadOnlyList<TournamentTeam>? Teams { get; private set; }

    /// <summary>True once the experiment has ended and every event of it has been read: nothing more will change.</summary>
    public bool Complete { get; private set; }

    public bool IsLive => Snapshot is { Status: ExperimentStatus.Queued or ExperimentStatus.Running } || !Complete;

    /// <summary>Reads what changed; false when the experiment does not exist.</summary>
    public async Task<bool> RefreshAsync()
    {
        var grain = cluster.GetGrain<IExperimentGrain>(experimentId);
        var snapshot = await grain.GetAsync();
        if (snapshot is null)
        {
            return false;
        }

        Teams ??= (await cluster.GetGrain<ITournamentGrain>(snapshot.Config.Tournament.Id).GetAsync())?.Teams;

        // The snapshot is read before the logs: when it says the experiment ended, the logs read after it are whole.
        var ended = false;
        while (true)
        {
            var after = events.Count == 0 ? 0 : events[^1].Sequence;
            var page = await grain.GetEventsAsync(after, EventBatch);
            if (page is null)
            {
                return false;
            }

            events.AddRange(page.Events.Where(e => e.Sequence > after));
            ended = page.Ended;
            if (page.Events.Count < EventBatch)
            {
                break;
            }
        }

        while (true)
        {
            var from = iterations.Count == 0 ? 0 : iterations[^1].Iteration + 1;
            var batch = await grain.GetIterationsAsync(from, IterationBatch);
            iterations.AddRange(batch.Where(i => i.Iteration >= from));
            if (batch.Count < IterationBatch)
            {
                break;
            }
        }

        Runs = await grain.GetRunsAsync();
        Snapshot = snapshot;
        Complete = ended && snapshot.Status is not (ExperimentStatus.Queued or ExperimentStatus.Running);
        return true;
    }
}
