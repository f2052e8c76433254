using LabSandbox.Api.Features.Artifacts;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Web.Tests.Lab;

/// <summary>Fixed Lab contracts for rendering components without a cluster.</summary>
internal static class LabFixtures
{
    public static readonly IReadOnlyList<string> Pools = new[] { 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025 }.Select(y => $"calcutta-{y}").ToList();

    public static readonly LabConfig Ridge = new(new LabAdvancementModel("kenpom-logistic", 10), "ridge", "dp-v1", "post_first_four", "lab_marked");

    public static readonly LabConfig NaiveEv = new(new LabAdvancementModel("kenpom-logistic", 10), "naive_ev", "dp-v1", "post_first_four", "lab_marked");

    public static string CandidateOf(string configKey, string pool) => $"cand-{configKey[4..]}{pool[^4..]}0000";

    public static IEnumerable<LabCandidateEntry> Entries(string configKey, LabConfig config, IEnumerable<string> pools) =>
        pools.Select(p => new LabCandidateEntry(p, configKey, config, CandidateOf(configKey, p)));

    public static CandidateRecord Candidate(string? excluded = "P005") => new(
        "cand-1dbcd5168f63fd40e2ae01f2", CandidateSourceKinds.StrategyGeneration, "calcutta-2025", "ncaa-2025",
        "art-adv-1", "art-ms-1", "dp-v1", "post_first_four", excluded, "run-strategy-1", "art-bids-1",
        [new CandidateBid("duke", 40), new CandidateBid("houston", 35), new CandidateBid("vcu", 25)], 12.5, 100);

    public static readonly IReadOnlyList<CandidateBidRow> Bids =
    [
        new("duke", "Duke", 1, "East", 40, 30.0, 400.0, 2.7906976744186047, 0.06976744186046512),
        new("houston", "Houston", 1, "Midwest", 35, 25.0, 300.0, 2.611940298507463, 0.07462686567164178),
        new("vcu", "VCU", 11, "West", 25, 5.0, 50.0, 1.6666666666666667, 0.06666666666666667),
    ];

    public static readonly LineageResponse Lineage = new("art-bids-1",
    [
        new LineageNode("art-bids-1", "bids", "run-strategy-1", RunKinds.StrategyGeneration, "h1", "dp-v1", ["art-adv-1", "art-ms-1"],
            [new DatasetRef(DatasetKinds.Calcutta, "calcutta-2025", "sha256:pool")]),
        new LineageNode("art-adv-1", "metrics", "run-adv-1", RunKinds.Advancement, "h2", "adv-v1", [],
            [new DatasetRef(DatasetKinds.Tournament, "ncaa-2025", "sha256:tournament2025")]),
        new LineageNode("art-ms-1", "market_share", "run-ms-1", RunKinds.MarketShare, "h3", "ms-v1", ["art-adv-1"],
            [new DatasetRef(DatasetKinds.Calcutta, "calcutta-2025", "sha256:pool"), new DatasetRef(DatasetKinds.TrainingCalcutta, "calcutta-2024", "sha256:p24")]),
    ]);

    public static CandidateView View(string? excluded = "P005") => new(
        Candidate(excluded),
        new CandidateDataset(DatasetKinds.Calcutta, "calcutta-2025", "Calcutta 2025", "sha256:pool", "/pools/calcutta-2025"),
        new CandidateDataset(DatasetKinds.Tournament, "ncaa-2025", "NCAA 2025", "sha256:tournament2025", "/tournaments/2025"),
        "run-adv-1",
        "run-ms-1",
        [new LabConfigResponse("cfg-0123456789abcdef", Ridge)],
        Bids,
        null,
        Lineage);
}
