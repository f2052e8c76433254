using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Lab;

public static class LabPoolOutcomes
{
    public const string Created = "created";
    public const string Skipped = "skipped_existing";
    public const string Failed = "failed";
}

/// <summary>What <c>generate</c> did for one pool, with the runs it pinned.</summary>
/// <param name="Outcome"><c>created</c>, <c>skipped_existing</c> (everything already existed) or <c>failed</c>.</param>
public sealed record LabPoolOutcome(
    string CalcuttaId,
    string Outcome,
    string? CandidateId,
    string? Reason,
    string? AdvancementRunId,
    string? MarketShareRunId,
    string? StrategyRunId);

/// <summary>What <c>generate</c> did for every real pool, ordered by pool id.</summary>
public sealed record LabGenerateReport(
    string ConfigKey,
    LabConfig Config,
    int Created,
    int Skipped,
    int Failed,
    IReadOnlyList<LabPoolOutcome> Pools);
