using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Sandbox;

/// <summary>The persisted state of a <see cref="SyntheticCalcuttaGrain"/>: its definition and current version.</summary>
[GenerateSerializer]
public sealed class SyntheticCalcuttaState
{
    [Id(0)] public SyntheticCalcuttaDefinition? Definition { get; set; }

    [Id(1)] public SyntheticCalcuttaSnapshot? Current { get; set; }
}
