using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using Orleans.Concurrency;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Plans a run request with its kind's planner and creates the run. Stateless: planning only reads (a rejected
/// request changes nothing), so any number of activations may plan at once on whichever silo received the call.
/// </summary>
[StatelessWorker]
public sealed class RunFactoryGrain(IEnumerable<IRunPlanner> planners, SpecDerivedRuns runs) : Grain, IRunFactoryGrain
{
    public async Task<RunCreation> CreateAsync(string requestJson, string? idempotencyKey)
    {
        var request = JsonNode.Parse(requestJson)!.AsObject();
        var kind = request["kind"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        var planner = planners.FirstOrDefault(p => p.Kind == kind);
        if (planner is null)
        {
            return Invalid("kind", kind is null
                ? "'kind' is required."
                : $"'kind' must be one of: {string.Join(", ", planners.Select(p => p.Kind).Order(StringComparer.Ordinal))}.");
        }

        var plan = await planner.PlanAsync(request, GrainFactory);
        if (plan.Spec is not { } spec)
        {
            return new RunCreation(RunCreationOutcome.Invalid, null, null, plan.Errors);
        }

        // With an Idempotency-Key the run id comes from the key: a retry after a failure that left the run
        // created (but no answer kept) names the same run instead of creating a second one.
        var runId = idempotencyKey is { Length: > 0 } key
            ? RunIds.ForIdempotencyKey(spec.Kind, key)
            : await GrainFactory.GetGrain<IRunIdAllocatorGrain>(IRunIdAllocatorGrain.KeyFor(spec)).NextRunIdAsync();
        var created = await GrainFactory.GetGrain<IRunGrain>(runId).CreateAsync(spec);
        return created.Outcome == CommandOutcome.Conflict
            ? new RunCreation(RunCreationOutcome.KeyConflict, runId, null, new Dictionary<string, string[]>())
            : new RunCreation(RunCreationOutcome.Created, runId, created.Snapshot!.Status, new Dictionary<string, string[]>());
    }

    public async Task<RunStart> StartSpecDerivedAsync(string kind, string requestJson)
    {
        var request = JsonNode.Parse(requestJson)!.AsObject();
        var plan = await planners.Single(p => p.Kind == kind).PlanAsync(request, GrainFactory);
        var errors = plan.Errors.ToDictionary();
        if (request.ContainsKey("kind"))
        {
            errors["kind"] = ["Unknown field 'kind'."];
        }

        if (plan.Spec is not { } spec || errors.Count > 0)
        {
            return new RunStart(RunStartOutcome.Invalid, null, null, null, errors, null);
        }

        try
        {
            var run = await runs.StartAsync(spec);
            return new RunStart(RunStartOutcome.Started, run.RunId, run.Status,
                ArtifactWriter.ArtifactIdFor(run.RunId, ArtifactKinds.Metrics), new Dictionary<string, string[]>(), null);
        }
        catch (RunStepException ex)
        {
            return new RunStart(RunStartOutcome.Conflict, null, null, null, new Dictionary<string, string[]>(), ex.Message);
        }
    }

    private static RunCreation Invalid(string field, string message) =>
        new(RunCreationOutcome.Invalid, null, null, new Dictionary<string, string[]> { [field] = [message] });
}
