using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Validates a run request of one kind and pins it: canonical params, dataset refs with digests,
/// input artifacts, seed and engine version. It only reads; a rejected request changes nothing.
/// </summary>
public interface IRunPlanner
{
    string Kind { get; }

    Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains);
}

/// <summary>Either a spec or the problems found, by field name (camelCase, as in the request).</summary>
public sealed record RunPlan(RunSpec? Spec, IReadOnlyDictionary<string, string[]> Errors)
{
    public static RunPlan Valid(RunSpec spec) => new(spec, new Dictionary<string, string[]>());

    public static RunPlan Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
