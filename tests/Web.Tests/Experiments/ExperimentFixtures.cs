using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>Fixed experiment contracts: a finished 2-iteration search of calcutta-2025, its iterations and events.</summary>
public static class ExperimentFixtures
{
    public static readonly DateTimeOffset Created = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlyList<EntryBid> InitialBids = [new("duke", 40), new("houston", 35), new("auburn", 25)];

    public static readonly IReadOnlyList<EntryBid> BestBids = [new("duke", 45), new("houston", 30), new("florida", 25)];

    public static PayoutStatistic Stat(long mean, long halfWidth, long sims = 10_000) =>
        new(sims, mean * sims, mean, mean - halfWidth, mean + halfWidth);

    public static ExperimentConfig Config(string? excluded = "P005") => new(
        new DatasetRef(DatasetKinds.Calcutta, "calcutta-2025", "sha256:pool"),
        new DatasetRef(DatasetKinds.Tournament, "ncaa-2025", "sha256:tournament"),
        "art-adv", "art-market", "pre_tournament", excluded, 10, new PoolRules(100, 3, 10, 1, 50), null, InitialBids, 7,
        new ExperimentSearchSettings(2, 2_000, 8_000, 4, 100_000, 5, 2, "ucb", 1));

    public static ExperimentResult Result(bool significant = true) => new(
        "cand-exp-best", BestBids, 2, 19_047, 254, 18_904, new PayoutStatistic(100_000, 1_865_000_000, 18_650, significant ? 18_500 : -20, 18_800),
        significant, "run-exp-1-i2-s0-final");

    public static ExperimentSnapshot Snapshot(
        string id = "exp-1", string? name = "Search 2025", ExperimentStatus status = ExperimentStatus.Succeeded, ExperimentResult? result = null) => new(
        id, name, Config(), "sha256:config", status, $"run-experiment-{id}", 2, true,
        status == ExperimentStatus.Succeeded ? ConvergenceReasons.PatienceExhausted : null, BestBids,
        status == ExperimentStatus.Succeeded ? result ?? Result() : null, 9, Created, status == ExperimentStatus.Succeeded ? Created.AddSeconds(42) : null, null);

    /// <summary>Iteration 0 (initial), iteration 1 (one pruned, one accepted), iteration 2 (one evaluated, nothing accepted).</summary>
    public static IReadOnlyList<ExperimentIteration> Iterations() =>
    [
        new(0, InitialBids, Stat(254, 30), [], null, InitialBids, 0, [], 3),
        new(1, InitialBids, Stat(300, 25),
        [
            new(0, "shift", [new("duke", 45), new("houston", 30), new("auburn", 25)], 100, true, Stat(200, 50, 2_000), Stat(-100, 60, 2_000)),
            new(1, "swap", BestBids, 100, false, Stat(18_575, 200), Stat(18_275, 150)),
        ], 1, BestBids, 0, [], 7, Stat(18_904, 180)),
        new(2, BestBids, Stat(18_900, 190),
        [
            new(0, "drop", [new("duke", 75), new("houston", 25)], 100, false, Stat(18_800, 200), Stat(-100, 90)),
        ], null, BestBids, 1, [], 9),
    ];

    public static IReadOnlyList<ExperimentEvent> Events() =>
    [
        new(1, ExperimentEventTypes.ExperimentStart, null, Created, """{"masterSeed":7}"""),
        new(2, ExperimentEventTypes.IterationStart, 1, Created.AddSeconds(1), """{"iterationsWithoutImprovement":0}"""),
        new(3, ExperimentEventTypes.Prune, 1, Created.AddSeconds(2),
            """{"challenger":0,"meanGainCents":-100,"simulations":2000,"upperBoundCents":-40,"z":1}"""),
        new(4, ExperimentEventTypes.IterationStart, 2, Created.AddSeconds(3), """{"iterationsWithoutImprovement":0}"""),
        new(5, ExperimentEventTypes.ExperimentEnd, null, Created.AddSeconds(4),
            """{"bestCandidateId":"cand-exp-best","converged":true,"improvement":{"highCents":18800,"lowCents":18500,"meanCents":18650,"simulations":100000,"totalCents":1865000000},"numIterations":2,"reason":"patience_exhausted","significant":true}"""),
    ];
}
