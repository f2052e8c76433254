using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
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
    public static string IdFor(RunSpec spec)
    {
        var identity = CanonicalJson.Serialize(new { spec.Kind, spec.ParamsHash, spec.DatasetRefs, spec.InputArtifactIds, spec.Seed, spec.EngineVersion });
        return $"run-{spec.Kind.Replace('_', '-')}-{ContentDigest.Hex(identity)[..16]}-pinned";
    }

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

        var runId = IdFor(plan.Spec);
        var run = grains.GetGrain<IRunGrain>(runId);
        if (await run.GetAsync() is not null)
        {
            return (runId, false);
        }

        var result = await run.CreateAsync(plan.Spec);
        return result.Outcome == RunCommandOutcome.Accepted
            ? (runId, true)
            : throw new RunStepException($"{kind} run '{runId}' was not accepted: {result.Reason}");
    }

    /// <summary>Waits for the run to end; returns it when it succeeded.</summary>
    /// <exception cref="RunStepException">It failed, was cancelled, or did not end in time.</exception>
    public Task<RunSnapshot> WaitSucceededAsync(string runId, CancellationToken cancellationToken) =>
        RunWaiter.WaitSucceededAsync(grains, runId, cancellationToken);
}
