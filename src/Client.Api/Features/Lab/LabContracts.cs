using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Api.Features.Lab;

/// <summary>A Lab config and its stable key.</summary>
public sealed record LabConfigResponse(string ConfigKey, LabConfig Config);

/// <summary>A candidate with its provenance as typed fields, and the Lab configs it answers.</summary>
/// <param name="Objective">dp-v1's objective, Σ E·b / (M + b), in expected points.</param>
/// <param name="ExpectedPoints">The expected points the entry captures (for dp-v1, its objective).</param>
public sealed record CandidateResponse(
    string CandidateId,
    string SourceKind,
    string CalcuttaId,
    string TournamentId,
    string AdvancementArtifactId,
    string MarketShareArtifactId,
    string OptimizerKey,
    string StartingState,
    string? ExcludedEntryKey,
    IReadOnlyList<CandidateBid> Bids,
    double Objective,
    double ExpectedPoints,
    int SpendPoints,
    string SourceRunId,
    string BidsArtifactId,
    IReadOnlyList<LabConfigResponse> LabConfigs,
    string LineageUrl,
    string? ExperimentId)
{
    public static CandidateResponse From(CandidateRecord c, IEnumerable<LabCandidateEntry> mappings, string lineageUrl) => new(
        c.CandidateId, c.SourceKind, c.CalcuttaId, c.TournamentId, c.AdvancementArtifactId, c.MarketShareArtifactId,
        c.OptimizerKey, c.StartingState, c.ExcludedEntryKey, c.Bids, c.Objective, c.Objective, c.SpendPoints,
        c.SourceRunId, c.BidsArtifactId,
        mappings.Where(m => m.CandidateId == c.CandidateId).Select(m => new LabConfigResponse(m.ConfigKey, m.Config)).ToList(),
        lineageUrl,
        c.ExperimentId);
}

/// <summary>One row of the Lab's candidates: a pool under a config, and its candidate.</summary>
public sealed record LabCandidateItem(
    string CalcuttaId,
    string ConfigKey,
    LabConfig Config,
    string CandidateId,
    double Objective,
    int SpendPoints,
    int TeamCount);

public sealed record LabCandidateListResponse(IReadOnlyList<LabCandidateItem> Items);

/// <summary>For one config: which real pools have a candidate.</summary>
public sealed record LabCoverageItem(
    string ConfigKey,
    LabConfig Config,
    int PoolsWithCandidate,
    int TotalPools,
    IReadOnlyList<string> MissingCalcuttaIds);

public sealed record LabCoverageResponse(int TotalPools, IReadOnlyList<LabCoverageItem> Configs);
