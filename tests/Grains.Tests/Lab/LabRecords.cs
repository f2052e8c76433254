using LabSandbox.Grains.Interfaces.Lab;

namespace LabSandbox.Grains.Tests.Lab;

/// <summary>Hand-made Lab records for grain tests (the Lab API tests cover candidates the product generates).</summary>
public static class LabRecords
{
    public static readonly LabConfig NaiveEv = new(new LabAdvancementModel("kenpom-logistic", 10), "naive_ev", "dp-v1", "post_first_four", LabConfig.LabMarked);

    public static CandidateRecord Candidate(string candidateId, int dukeBid = 40) => new(
        candidateId, CandidateSourceKinds.StrategyGeneration, "calcutta-2025", "ncaa-2025", "art-advancement", "art-market",
        "dp-v1", "post_first_four", "P005", "run-strategy-1", "art-bids",
        [new CandidateBid("auburn", 30), new CandidateBid("duke", dukeBid), new CandidateBid("florida", 30)], 123.5, 60 + dukeBid);

    public static LabCandidateEntry Entry(string calcuttaId, string candidateId, LabConfig? config = null) =>
        new(calcuttaId, "cfg-" + (config ?? NaiveEv).MarketModel, config ?? NaiveEv, candidateId);
}
