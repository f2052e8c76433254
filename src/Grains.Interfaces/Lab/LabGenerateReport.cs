namespace LabSandbox.Grains.Interfaces.Lab;

public static class LabPoolOutcomes
{
    public const string Created = "created";
    public const string Skipped = "skipped_existing";
    public const string Failed = "failed";
}

/// <summary>What <c>generate</c> did for one pool, with the runs it pinned.</summary>
/// <param name="Outcome"><c>created</c>, <c>skipped_existing</c> (everything already existed) or <c>failed</c>.</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.LabPoolOutcome")]
public sealed record LabPoolOutcome(
    [property: Id(0)] string CalcuttaId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] string? CandidateId,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? AdvancementRunId,
    [property: Id(5)] string? MarketShareRunId,
    [property: Id(6)] string? StrategyRunId);

/// <summary>What <c>generate</c> did for every real pool, ordered by pool id.</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.LabGenerateReport")]
public sealed record LabGenerateReport(
    [property: Id(0)] string ConfigKey,
    [property: Id(1)] LabConfig Config,
    [property: Id(2)] int Created,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int Failed,
    [property: Id(5)] IReadOnlyList<LabPoolOutcome> Pools);
