using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Runs.LabGeneration;

/// <summary>A <c>lab_generation</c> run's params: the config, its key, and the real pools it covers (ordinal order).</summary>
public sealed record LabGenerationParams(string ConfigKey, LabConfig Config, IReadOnlyList<string> CalcuttaIds)
{
    /// <summary>Names how a generation plans its child runs; a change to that changes every generation's spec.</summary>
    public const string Version = "lab-generation-v1";
}
