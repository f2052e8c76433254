using LabSandbox.Api.Features.Simulations;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>A small fixed simulation run: three entries (one the focus candidate), two teams, 1,000 simulations.</summary>
public static class SimulationFixtures
{
    public const string RunId = "run-simulation-fixed-1";
    public const string MetricsId = "art-metrics-fixed";
    public const string DistributionsId = "art-distributions-fixed";
    public const string AdvancementId = "art-advancement-fixed";
    public const string Focus = "cand-focus";

    public static LeaderboardRow Row(int rank, string key, long total, double pFirst, double pMoney) =>
        new(rank, key, total, total / 1000.0, pFirst, pFirst * 2, pFirst * 3, pFirst * 4, pMoney, 1000 + rank, 100, total / 1000.0 / 50_000, 0, [10, 20, 30, 0, 0, 0, 0, 0, 0, 0]);

    public static IReadOnlyList<LeaderboardRow> Rows { get; } =
    [
        Row(1, Focus, 9_000_000, 0.25, 0.5),
        Row(2, "P002", 5_000_000, 0.10, 0.3),
        Row(3, "P001", 5_000_000, 0.10, 0.2),
    ];

    public const string MetricsJson = """
        {"kind":"simulation","engineVersion":"e","datasetRefs":[],"advancementArtifactId":"art-advancement-fixed",
         "advancementModel":{"kind":"kenpom-logistic","sigma":10},"startingState":"pre_tournament","seed":42,"nSims":1000,
         "excludedEntryKey":"P009","focusCandidateId":"cand-focus","focusEntryKey":"cand-focus",
         "entries":[
          {"entryKey":"cand-focus","payoutCentsTotal":9000000,"expectedPayoutCents":9000,"meanNormalizedPayout":0.18,"medianNormalizedPayout":0,"pFirst":0.25,"pTop3":0.5,"pTop6":0.6,"pTop10":0.7,"pInTheMoney":0.5,"meanPoints":1200.5,"stdDevPoints":300.25,"positionCounts":[250,100,150,0,0,0,0,0,0,0]},
          {"entryKey":"P002","payoutCentsTotal":5000000,"expectedPayoutCents":5000,"meanNormalizedPayout":0.1,"medianNormalizedPayout":0,"pFirst":0.1,"pTop3":0.3,"pTop6":0.5,"pTop10":0.6,"pInTheMoney":0.3,"meanPoints":1000,"stdDevPoints":250,"positionCounts":[100,100,100,0,0,0,0,0,0,0]},
          {"entryKey":"P001","payoutCentsTotal":1000000,"expectedPayoutCents":1000,"meanNormalizedPayout":0.02,"medianNormalizedPayout":0,"pFirst":0.02,"pTop3":0.2,"pTop6":0.4,"pTop10":0.5,"pInTheMoney":0.2,"meanPoints":900,"stdDevPoints":200,"positionCounts":[20,80,100,0,0,0,0,0,0,0]}],
         "teams":[{"teamId":"duke","frequencies":[0,0.1,0.2,0.2,0.2,0.1,0.1,0.1]},{"teamId":"yale","frequencies":[0,0.5,0.5,0,0,0,0,0]}]}
        """;

    public const string AdvancementJson = """
        {"kind":"advancement","teams":[
          {"teamId":"duke","name":"Duke","seed":1,"region":"East","pRound":[1,0.9,0.7,0.5,0.3,0.2,0.1],"pChampion":0.1,"expectedPoints":500},
          {"teamId":"yale","name":"Yale","seed":13,"region":"East","pRound":[1,0.5,0,0,0,0,0],"pChampion":0,"expectedPoints":20}]}
        """;

    /// <summary>The focus candidate was paid $500 in 300 simulations and $100 in 200 (so 500 of 1,000 unpaid).</summary>
    public const string DistributionsJsonl = """
        {"entryKey":"cand-focus","simulations":1000,"positionCounts":[250,100,150,0,0,0,0,0,0,0],"inTheMoney":500,"payoutHistogram":[{"amountCents":50000,"simulations":300},{"amountCents":10000,"simulations":200}]}
        {"entryKey":"P002","simulations":1000,"positionCounts":[100,100,100,0,0,0,0,0,0,0],"inTheMoney":300,"payoutHistogram":[{"amountCents":50000,"simulations":100}]}
        """;

    public static RunSnapshot Run(RunStatus status, string kind = RunKinds.Simulation, string? error = null) => new(
        RunId,
        new RunSpec(kind, """{"calcuttaId":"calcutta-2025","nSims":1000,"seed":42}""", "hash", [], [AdvancementId], 42, "e"),
        status, false, status == RunStatus.Queued ? 0 : 1, error, null, DateTimeOffset.UnixEpoch, null, null,
        status == RunStatus.Succeeded ? [new ArtifactRef(MetricsId, "metrics"), new ArtifactRef(DistributionsId, "entry_distributions")] : [],
        0);

    /// <summary>A lab holding the fixed run in <paramref name="status"/>, with its artifacts when it succeeded.</summary>
    public static FakeLab Lab(RunStatus status, string kind = RunKinds.Simulation)
    {
        var lab = new FakeLab();
        lab.Runs[RunId] = Run(status, kind);
        lab.Artifacts[MetricsId] = Artifact(MetricsId, "metrics", MetricsJson, null);
        lab.Artifacts[AdvancementId] = Artifact(AdvancementId, "metrics", AdvancementJson, null);
        lab.Artifacts[DistributionsId] = Artifact(DistributionsId, "entry_distributions", null, "file://distributions");
        lab.Stored["file://distributions"] = DistributionsJsonl;
        return lab;
    }

    public static ArtifactRecord Artifact(string id, string kind, string? inline, string? uri) =>
        new(id, RunId, kind, "application/json", inline, uri, "sha", 1, new Dictionary<string, string>(), new ArtifactLineage([], []), DateTimeOffset.UnixEpoch);
}
