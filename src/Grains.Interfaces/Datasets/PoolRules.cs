namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>Entry constraints of a pool: budget, how many teams, and per-team bid bounds (points).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.PoolRules")]
public sealed record PoolRules(
    [property: Id(0)] int BudgetPoints,
    [property: Id(1)] int MinTeams,
    [property: Id(2)] int MaxTeams,
    [property: Id(3)] int MinBidPoints,
    [property: Id(4)] int MaxBidPoints);
