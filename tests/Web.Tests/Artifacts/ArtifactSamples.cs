namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>Fixed documents in the shapes the run handlers write (trimmed to a few rows), one per artifact kind.</summary>
public static class ArtifactSamples
{
    public const string AdvancementMetrics = """
        {"kind":"advancement","engineVersion":"adv-1","tournamentId":"ncaa-2025","tournamentDigest":"sha256:abc","model":{"sigma":10.5},"startingState":"pre_tournament",
         "scoringRules":[{"round":1,"points":10},{"round":2,"points":20}],"teamCount":2,"sumPChampion":1,"sumExpectedPoints":150.25,
         "teams":[{"teamId":"duke","name":"Duke","seed":1,"region":"East","pRound":[1,0.95,0.8,0.6,0.45,0.3,0.2],"pChampion":0.2,"expectedPoints":90.5},
                  {"teamId":"auburn","name":"Auburn","seed":1,"region":"South","pRound":[1,0.9,0.7,0.5,0.35,0.2,0.125],"pChampion":0.125,"expectedPoints":59.75}]}
        """;

    public const string AdvancementLines = """
        {"teamId":"duke","name":"Duke","seed":1,"region":"East","pRound":[1,0.95,0.8,0.6,0.45,0.3,0.2],"pChampion":0.2,"expectedPoints":90.5}
        {"teamId":"auburn","name":"Auburn","seed":1,"region":"South","pRound":[1,0.9,0.7,0.5,0.35,0.2,0.125],"pChampion":0.125,"expectedPoints":59.75}
        """;

    public const string SimulationMetrics = """
        {"kind":"simulation","engineVersion":"sim-1","datasetRefs":[{"kind":"calcutta","id":"calcutta-2025","digest":"sha256:p"},{"kind":"tournament","id":"ncaa-2025","digest":"sha256:t"}],
         "advancementArtifactId":"art-adv","advancementModel":{"sigma":10},"startingState":"pre_tournament","seed":9,"nSims":50000,"excludedEntryKey":null,
         "focusCandidateId":null,"focusEntryKey":null,
         "entries":[{"entryKey":"P001","payoutCentsTotal":300000000,"expectedPayoutCents":6000.5,"meanNormalizedPayout":0.1,"medianNormalizedPayout":0,"pFirst":0.125,"pTop3":0.3,"pTop6":0.5,"pTop10":0.7,"pInTheMoney":0.5,"meanPoints":100.5,"stdDevPoints":20.25,"positionCounts":[6250,5000]}],
         "teams":[{"teamId":"duke","frequencies":[0,0.05,0.15,0.2,0.15,0.15,0.1,0.2]}]}
        """;

    public const string EntryDistributionLines = """
        {"entryKey":"P001","simulations":50000,"positionCounts":[6250,5000],"inTheMoney":25000,"payoutHistogram":[{"amountCents":0,"simulations":25000},{"amountCents":60000,"simulations":6250}]}
        """;

    public const string MarketShare = """
        {"model":"ridge","calcuttaId":"calcutta-2025","excludedEntryKey":"P005","budgetPoints":100,"fieldEntries":46,
         "teams":[{"teamId":"duke","share":0.0825,"actualShare":0.09,"marketPoints":379.5}]}
        """;

    public const string MarketShareMetrics = """
        {"kind":"market_share","engineVersion":"market-share-v1","model":"ridge","calcuttaId":"calcutta-2025","tournamentId":"ncaa-2025","excludedEntryKey":null,
         "advancementArtifactId":"art-adv","teamCount":68,"fieldEntries":47,"meanAbsoluteError":0.0042,
         "ridge":{"trainingPools":[{"kind":"training_calcutta","id":"calcutta-2024","digest":"sha256:q"}],"lambda":1,"features":["seed","kenpom"],"coefficients":[0.5,-0.25]}}
        """;

    public const string StrategyBids = """
        [{"teamId":"duke","bidPoints":30,"expectedPoints":90.5,"marketPoints":379.5,"capturedPoints":6.6,"expectedRoi":0.22}]
        """;

    public const string PairedBids = """
        [{"key":"incumbent","bids":[{"teamId":"duke","bidPoints":30}]},{"key":"challenger","bids":[{"teamId":"auburn","bidPoints":30}]}]
        """;

    public const string PairedMetrics = """
        {"kind":"paired_simulation","engineVersion":"sim-1","datasetRefs":[],"advancementArtifactId":"art-adv","startingState":"pre_tournament","excludedEntryKey":"P005","entryKey":"P005",
         "seed":1,"nSims":1000,"experiment":{"experimentId":"exp-1","iteration":2,"sampleIndex":0,"runPurpose":"screen"},
         "variants":[{"key":"incumbent","bids":[{"teamId":"duke","bidPoints":30}],"firsts":10,"inTheMoney":300,"payoutCentsTotal":600000,"payoutCentsSquares":"12345678901234567890",
                      "gainCentsTotal":0,"gainCentsSquares":"0","payout":{"simulations":1000,"totalCents":600000,"meanCents":600,"lowCents":500,"highCents":700},
                      "gain":{"simulations":1000,"totalCents":0,"meanCents":0,"lowCents":0,"highCents":0}}]}
        """;

    public const string StrategyMetrics = """
        {"kind":"strategy_generation","engineVersion":"opt-1","candidateId":"cand-1","calcuttaId":"calcutta-2025","tournamentId":"ncaa-2025","advancementArtifactId":"art-adv",
         "marketShareArtifactId":"art-ms","optimizerKey":"dp","startingState":"pre_tournament","excludedEntryKey":"P005",
         "bounds":{"budgetPoints":100,"minTeams":3,"maxTeams":10,"minBidPoints":1,"maxBidPoints":50},"objective":12.5,"spendPoints":100,"teamCount":1,
         "bids":[{"teamId":"duke","bidPoints":30,"expectedPoints":90.5,"marketPoints":379.5,"capturedPoints":6.6,"expectedRoi":0.22}]}
        """;

    public const string ExperimentMetrics = """
        {"kind":"experiment","engineVersion":"x","experimentId":"exp-1","configDigest":"sha256:c","masterSeed":7,"convergenceReason":"max_iterations","converged":false,
         "numIterations":5,"eventCount":40,"result":{"bestCandidateId":"cand-exp","bestBids":[{"teamId":"duke","bidPoints":30}],"bestFoundAtIteration":3,
         "bestExpectedPayoutCents":7000,"initialExpectedPayoutCents":6000,"finalExpectedPayoutCents":7000,
         "improvement":{"simulations":1000,"totalCents":1000000,"meanCents":1000,"lowCents":-50,"highCents":2050},"significant":false,"finalRunId":"run-final"}}
        """;

    public const string RetentionMetrics = """
        {"kind":"retention","engineVersion":"ret-1","olderThanDays":30,"dryRun":false,"cutoff":"2026-11-05T00:00:00+00:00","runsScanned":10,"runsEligible":2,
         "heavyArtifactsFound":2,"artifactsToTombstone":2,"bytesToDelete":2048,"artifactsTombstoned":2,"artifactsAlreadyTombstoned":0,"bytesDeleted":2048,
         "filesAlreadyMissing":0,"artifactIds":["art-old-1","art-old-2"],"missingFileArtifactIds":[]}
        """;

    public const string LabGenerationReport = """
        {"configKey":"ridge","config":{"marketModel":"ridge"},"created":1,"skipped":1,"failed":0,
         "pools":[{"calcuttaId":"calcutta-2024","outcome":"created","candidateId":"cand-24","reason":null,"advancementRunId":"run-a","marketShareRunId":"run-m","strategyRunId":"run-s"},
                  {"calcuttaId":"calcutta-2025","outcome":"skipped","candidateId":"cand-25","reason":"exists","advancementRunId":null,"marketShareRunId":null,"strategyRunId":null}]}
        """;

    public const string CohortReport = """
        {"cohortId":"coh-1","simulationId":"sim-1","sequence":1,"runs":[{"syntheticCalcuttaId":"syn-2025","digest":"sha256:s","runId":"run-c1"}]}
        """;

    public const string Failure = """
        {"runId":"run-f","kind":"simulation","attempt":2,"exceptionType":"System.InvalidOperationException","message":"chunk lost",
         "stackTrace":"System.InvalidOperationException: chunk lost\n   at Somewhere()","retryable":true,"data":{"chunk":3},"params":{"nSims":1000},"paramsHash":"ab12",
         "lastEvents":[{"sequence":4,"name":"RUN.PROGRESS","message":"25%"}]}
        """;
}
