using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Sandbox;

/// <summary>The persisted state of a <see cref="SyntheticCalcuttaGrain"/>: its definition, current version and version history.</summary>
[GenerateSerializer]
public sealed class SyntheticCalcuttaState
{
    [Id(0)] public SyntheticCalcuttaDefinition? Definition { get; set; }

    [Id(1)] public SyntheticCalcuttaSnapshot? Current { get; set; }

    /// <summary>Every version saved, oldest first (the UI lists and diffs them).</summary>
    [Id(2)] public List<SyntheticCalcuttaVersionRef> Versions { get; set; } = [];
}
