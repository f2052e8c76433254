using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// An experiment's best entry as a Candidate. Its identity is the entry itself — pool, excluded entry and bids —
/// never a name (INV-8), so the Sandbox can attach it like any other candidate and two searches that find the
/// same bids name the same candidate.
/// </summary>
public static class ExperimentCandidates
{
    public static string IdFor(ExperimentConfig config, IReadOnlyList<EntryBid> bids) =>
        $"cand-exp-{ContentDigest.Hex(CanonicalJson.Serialize(new { pool = config.Pool.Id, config.ExcludedEntryKey, bids }))[..24]}";

    public static CandidateRecord Record(
        string experimentId, ExperimentConfig config, IReadOnlyList<EntryBid> bids, string finalRunId, string bidsArtifactId,
        IReadOnlyDictionary<string, OptimizerTeam> teams) =>
        new(IdFor(config, bids), CandidateSourceKinds.Experiment, config.Pool.Id, config.Tournament.Id,
            config.AdvancementArtifactId, config.MarketShareArtifactId, ExperimentRuns.SearchVersion, config.StartingState, config.ExcludedEntryKey,
            finalRunId, bidsArtifactId, [.. bids.Select(b => new CandidateBid(b.TeamId, b.BidPoints))],
            bids.Sum(b => teams[b.TeamId].ExpectedPoints * b.BidPoints / (teams[b.TeamId].MarketPoints + b.BidPoints)),
            bids.Sum(b => b.BidPoints), experimentId);
}
