using LabSandbox.Api.Infrastructure;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>What RunDetail shows: the run, its whole event log so far, and the progress derived from it.</summary>
public sealed record RunDetailView(RunSnapshot? Run, IReadOnlyList<RunEvent> Events, RunProgress? Progress)
{
    public static readonly RunDetailView Empty = new(null, [], null);

    /// <summary>
    /// Reads the run and the events after those <paramref name="previous"/> already holds (a page left open reads only
    /// what is new); null when the run does not exist.
    /// </summary>
    public static async Task<RunDetailView?> LoadAsync(IClusterClient cluster, string runId, RunDetailView previous)
    {
        var grain = cluster.GetGrain<IRunGrain>(runId);
        var run = await grain.GetAsync();
        if (run is null)
        {
            return null;
        }

        var events = previous.Run?.RunId == runId ? previous.Events.ToList() : [];
        while (true)
        {
            var after = events.Count == 0 ? 0 : events[^1].Sequence;
            var page = await grain.GetEventsAsync(after, ApiLimits.EventsPageSize);
            if (page is null || page.Events.Count == 0)
            {
                break;
            }

            events.AddRange(page.Events);
            if (page.Events[^1].Sequence >= page.LastSequence)
            {
                break;
            }
        }

        return new RunDetailView(run, events, RunProgressModel.Compute(events, RunProgressModel.SimulationsOf(run.Spec.ParamsJson)));
    }
}
