using System.Text.Json.Nodes;

namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>
/// Validates a run request of one kind and pins it: canonical params, dataset refs with digests,
/// input artifacts, seed and engine version. It only reads; a rejected request changes nothing.
/// </summary>
public interface IRunPlanner
{
    string Kind { get; }

    Task<RunPlan> PlanAsync(JsonObject request, IGrainFactory grains);
}
