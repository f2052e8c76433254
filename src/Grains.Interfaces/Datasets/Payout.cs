namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>The prize for a finish position, in integer cents (INV-1).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.Payout")]
public sealed record Payout(
    [property: Id(0)] int Position,
    [property: Id(1)] long AmountCents);
