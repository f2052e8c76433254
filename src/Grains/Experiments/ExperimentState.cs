using LabSandbox.Grains.Interfaces.Experiments;

namespace LabSandbox.Grains.Experiments;

[GenerateSerializer]
public sealed class ExperimentState
{
    [Id(0)] public ExperimentSnapshot? Experiment { get; set; }

    /// <summary>Every simulation run, in the order the search registered them.</summary>
    [Id(1)] public List<ExperimentRunRef> Runs { get; set; } = [];

    /// <summary>The last recorded iteration (−1: none yet; 0 is the initial evaluation).</summary>
    [Id(2)] public int LastIteration { get; set; } = -1;
}
