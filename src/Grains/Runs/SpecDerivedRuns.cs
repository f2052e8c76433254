using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Runs whose id is derived from their full spec (params, dataset digests, inputs, seed, engine), for
/// orchestrations that pin upstream runs by construction: the same request over the same data names the same
/// run and artifacts, so repeating it finds them instead of guessing a "latest run" (INV-7).
/// </summary>
public sealed class SpecDerivedRuns(IGrainFactory grains, IEnumerable<IRunPlanner> planners)
{
    /// <summary>Successors of a spec's run after failures or cancels; more means something needs a person, not a retry.</summary>
    private const int MaxRestarts = 20;

    /// <summary>Plans the request and creates its run under the spec-derived id unless it exists; true when created.</summary>
    /// <exception cref="RunStepException">The request is invalid, or the run was not accepted.</exception>
    public async Task<(string RunId, bool Created)> EnsureAsync(string kind, JsonObject request)
    {
        request["kind"] = kind;
        var plan = await planners.Single(p => p.Kind == kind).PlanAsync(request, grains);
        if (plan.Spec is null)
        {
            throw new RunStepException($"{kind}: " + string.Join(" ", plan.Errors.OrderBy(e => e.Key, StringComparer.Ordinal)
                .SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        }

        var runId = RunIds.SpecDerived(plan.Spec);
        var existing = await grains.GetGrain<IRunGrain>(runId).GetAsync();
        await CreateUnlessStartedAsync(runId, plan.Spec, existing);
        return (runId, existing is null);
    }

    /// <summary>
    /// The run of a planned spec, created unless it exists. A run that failed or was cancelled stays on record
    /// (a finished run is immutable); starting the spec again then names its successor, <c>…-pinned-r2</c>, <c>-r3</c>…,
    /// so a repeat after a success finds the success, and a repeat after a failure tries again.
    /// </summary>
    /// <exception cref="RunStepException">The run was not accepted.</exception>
    public async Task<RunSnapshot> StartAsync(RunSpec spec)
    {
        for (var n = 1; n <= MaxRestarts; n++)
        {
            var runId = RunIds.SpecDerived(spec, n);
            var run = grains.GetGrain<IRunGrain>(runId);
            var existing = await run.GetAsync();
            if (existing is { Status: RunStatus.Failed or RunStatus.Cancelled })
            {
                continue;
            }

            return await CreateUnlessStartedAsync(runId, spec, existing);
        }

        throw new RunStepException($"{spec.Kind} run '{RunIds.SpecDerived(spec)}' failed or was cancelled {MaxRestarts} times; look at why before starting it again.");
    }

    /// <summary>
    /// Creates the run unless it has started. A run found queued and never started is created again (a no-op for its
    /// record): a create that saved the run but failed before it was dispatched or had its recovery reminder — a silo
    /// dying under it — would leave it queued with nobody to start it, and a repeated create is what repairs that.
    /// </summary>
    private async Task<RunSnapshot> CreateUnlessStartedAsync(string runId, RunSpec spec, RunSnapshot? existing)
    {
        if (existing is not null and not { Status: RunStatus.Queued, Attempt: 0 })
        {
            return existing;
        }

        var created = await grains.GetGrain<IRunGrain>(runId).CreateAsync(spec);
        return created is { Outcome: CommandOutcome.Accepted, Snapshot: { } accepted }
            ? accepted
            : throw new RunStepException($"{spec.Kind} run '{runId}' was not accepted: {created.Reason}");
    }

    /// <summary>
    /// Waits for the run to end, however long it takes (a run always ends: succeeded, failed, dead-lettered or
    /// cancelled); returns it when it succeeded. The caller's token is its only other way out: a durable driver's
    /// token is cancelled when it loses its lease or its silo stops.
    /// </summary>
    /// <exception cref="RunStepException">It failed or was cancelled.</exception>
    public Task<RunSnapshot> WaitSucceededAsync(string runId, CancellationToken cancellationToken) =>
        RunWaiter.WaitSucceededAsync(grains, runId, Timeout.InfiniteTimeSpan, cancellationToken);
}
