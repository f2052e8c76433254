using System.Reflection;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Audit;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Tests.Experiments;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Tests.Lab;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Sandbox;
using Orleans.Concurrency;

namespace LabSandbox.Grains.Tests.Architecture;

/// <summary>INV-6: read grain methods never write state, whether or not the grain holds anything.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadOnlyMethodsTests(ClusterFixture fixture)
{
    private const int Rounds = 25;
    private const string CandidateId = "cand-test-inv6-reads";
    private const string IndexKey = "lab-test-inv6-reads";
    private const string SyntheticCalcuttaId = "sc-test-inv6-reads";
    private const string CohortId = "cohort-test-inv6-reads";
    private const string ExperimentId = "exp-test-inv6-reads";
    private const string RegistryKey = "keys-test-inv6-reads";
    private static readonly string KeyHash = ApiKeys.Hash(ApiKeys.Generate());

    /// <summary>Every [ReadOnly] grain method this test exercises; a new one must be added to <see cref="ReadEverythingAsync"/>.</summary>
    private static readonly string[] Exercised =
    [
        "IApiKeyRegistryGrain.FindAsync", "IApiKeyRegistryGrain.ListAsync", "IArtifactGrain.GetAsync", "IArtifactUsageGrain.GetAsync", "IAuditLogGrain.ListAsync", "IAuditPageGrain.GetAsync",
        "ICalcuttaGrain.GetAsync", "ICandidateGrain.GetAsync", "ICohortGrain.GetAsync",
        "ICohortResultsGrain.GetAsync", "ICohortResultsGrain.ListAsync",
        "IDatasetCatalogGrain.GetAsync", "IDatasetRunIndexGrain.QueryAsync", "IExperimentCatalogGrain.ListAsync", "IExperimentEventPageGrain.GetAsync", "IExperimentGrain.GetAsync",
        "IExperimentGrain.GetEventsAsync", "IExperimentGrain.GetIterationsAsync", "IExperimentGrain.GetRunsAsync", "IExperimentIterationGrain.GetAsync",
        "ILabCandidateIndexGrain.ListAsync", "IRunGrain.GetAsync", "IRunGrain.GetEventsAsync",
        "IRunIndexGrain.CountAsync", "IRunIndexGrain.QueryAsync", "ISandboxCatalogGrain.GetAsync", "ISimulationCheckpointGrain.GetAsync",
        "ISyntheticCalcuttaGrain.GetAsync", "ISyntheticCalcuttaGrain.GetVersionsAsync", "ISyntheticCalcuttaVersionGrain.GetAsync", "ITournamentGrain.GetAsync",
    ];

    [Fact]
    public void Every_read_only_grain_method_is_exercised()
    {
        var readOnly = typeof(IRunGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IGrain).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<ReadOnlyAttribute>() is not null).Select(m => $"{t.Name}.{m.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Exercised, readOnly);
    }

    [Fact]
    public async Task Reading_existing_and_missing_grains_many_times_writes_nothing()
    {
        const string RunId = "run-test-inv6-reads-1";
        var runs = new RunDriver(fixture.Grains);
        await runs.CreateAsync(RunId, await runs.PlanAdvancementAsync(RunDriver.AdvancementRequest("through_round:5", sigma: 9)));
        var run = await runs.WaitTerminalAsync(RunId);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        await fixture.Grains.GetGrain<ICandidateGrain>(CandidateId).CreateAsync(LabRecords.Candidate(CandidateId));
        await fixture.Grains.GetGrain<ILabCandidateIndexGrain>(IndexKey).PutAsync(LabRecords.Entry("calcutta-2025", CandidateId));
        var synthetic = SandboxRecords.AssertOk(await fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(SyntheticCalcuttaId)
            .CreateAsync(SandboxRecords.FromCalcutta()));
        SandboxRecords.AssertOk(await fixture.Grains.GetGrain<ICohortGrain>(CohortId).CreateAsync("inv6", [SyntheticCalcuttaId], SandboxRecords.Settings));
        var experiments = new ExperimentDriver(fixture.Grains);
        await experiments.RunAsync(ExperimentId, await experiments.PlanAsync(
            ExperimentDriver.Request(await experiments.NaiveEvCandidateAsync(), 6, new TestSearch(Candidates: 3, MaxIterations: 1))));
        Assert.Null((await fixture.Grains.GetGrain<IApiKeyRegistryGrain>(RegistryKey)
            .CreateAsync("inv6-reader", "reader", KeyHash, "lsk_abcd…", DateTimeOffset.UnixEpoch)).Error);
        await fixture.Grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key).AppendAsync(
            new AuditDraft("inv6", DateTimeOffset.UnixEpoch, "POST", "/api/v1/runs", RunId, 202));
        var before = fixture.Storage.Snapshot();

        for (var round = 0; round < Rounds; round++)
        {
            await ReadEverythingAsync(run, synthetic.Digest);
        }

        await Task.WhenAll(Enumerable.Range(0, Rounds).Select(_ => ReadEverythingAsync(run, synthetic.Digest)));

        var after = fixture.Storage.Snapshot();
        Assert.True(before.TotalWrites == after.TotalWrites && before.TotalClears == after.TotalClears, $"before: {before}; after: {after}");
    }

    private async Task ReadEverythingAsync(RunSnapshot run, string syntheticDigest)
    {
        var grains = fixture.Grains;
        foreach (var runId in new[] { run.RunId, "run-test-inv6-missing-1" })
        {
            var exists = runId == run.RunId;
            Assert.Equal(exists, await grains.GetGrain<IRunGrain>(runId).GetAsync() is not null);
            Assert.Equal(exists, await grains.GetGrain<IRunGrain>(runId).GetEventsAsync(0, 10) is not null);
            Assert.Equal(exists, await grains.GetGrain<IRunGrain>(runId).GetEventsAsync(long.MaxValue, 0) is not null);
        }

        foreach (var artifact in run.Artifacts)
        {
            Assert.NotNull(await grains.GetGrain<IArtifactGrain>(artifact.ArtifactId).GetAsync());
        }

        Assert.Null(await grains.GetGrain<IArtifactGrain>("art-test-inv6-missing").GetAsync());
        Assert.Equal(0, (await grains.GetGrain<IArtifactUsageGrain>(run.Artifacts[0].ArtifactId).GetAsync(0, 10)).Total);
        Assert.Empty((await grains.GetGrain<IArtifactUsageGrain>("art-test-inv6-missing").GetAsync(5, 10)).Uses);
        Assert.NotNull(await grains.GetGrain<ITournamentGrain>("ncaa-2025").GetAsync());
        Assert.Null(await grains.GetGrain<ITournamentGrain>("ncaa-1999").GetAsync());
        Assert.Null(await grains.GetGrain<ISimulationCheckpointGrain>("run-test-inv6-missing").GetAsync());
        Assert.NotNull(await grains.GetGrain<ICalcuttaGrain>("calcutta-2025").GetAsync());
        Assert.Null(await grains.GetGrain<ICalcuttaGrain>("calcutta-1999").GetAsync());
        Assert.NotEmpty((await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()).TournamentIds);
        Assert.Empty((await grains.GetGrain<IDatasetCatalogGrain>("test-inv6-missing-catalog").GetAsync()).TournamentIds);

        Assert.NotNull(await grains.GetGrain<ICandidateGrain>(CandidateId).GetAsync());
        Assert.Null(await grains.GetGrain<ICandidateGrain>("cand-test-inv6-missing").GetAsync());
        Assert.Single(await grains.GetGrain<ILabCandidateIndexGrain>(IndexKey).ListAsync());
        Assert.Empty(await grains.GetGrain<ILabCandidateIndexGrain>("lab-test-inv6-missing").ListAsync());

        Assert.NotNull(await grains.GetGrain<ISyntheticCalcuttaGrain>(SyntheticCalcuttaId).GetAsync());
        Assert.Null(await grains.GetGrain<ISyntheticCalcuttaGrain>("sc-test-inv6-missing").GetAsync());
        Assert.NotEmpty(await grains.GetGrain<ISyntheticCalcuttaGrain>(SyntheticCalcuttaId).GetVersionsAsync());
        Assert.Empty(await grains.GetGrain<ISyntheticCalcuttaGrain>("sc-test-inv6-missing").GetVersionsAsync());
        var version = ISyntheticCalcuttaVersionGrain.KeyOf(SyntheticCalcuttaId, syntheticDigest);
        Assert.NotNull(await grains.GetGrain<ISyntheticCalcuttaVersionGrain>(version).GetAsync());
        Assert.Null(await grains.GetGrain<ISyntheticCalcuttaVersionGrain>(ISyntheticCalcuttaVersionGrain.KeyOf(SyntheticCalcuttaId, "sha256:missing")).GetAsync());
        Assert.NotNull(await grains.GetGrain<ICohortGrain>(CohortId).GetAsync());
        Assert.Null(await grains.GetGrain<ICohortGrain>("cohort-test-inv6-missing").GetAsync());
        Assert.Empty((await grains.GetGrain<ICohortResultsGrain>(0).ListAsync(CohortId))!);
        Assert.Null(await grains.GetGrain<ICohortResultsGrain>(0).ListAsync("cohort-test-inv6-missing"));
        Assert.Null(await grains.GetGrain<ICohortResultsGrain>(0).GetAsync(CohortId, "sim-test-inv6-missing"));
        var sandbox = await grains.GetGrain<ISandboxCatalogGrain>(ISandboxCatalogGrain.Key).GetAsync();
        Assert.Contains(SyntheticCalcuttaId, sandbox.SyntheticCalcuttaIds);
        Assert.Contains(CohortId, sandbox.CohortIds);
        var missingSandbox = await grains.GetGrain<ISandboxCatalogGrain>("sandbox-test-inv6-missing").GetAsync();
        Assert.Empty(missingSandbox.SyntheticCalcuttaIds);
        Assert.Empty(missingSandbox.CohortIds);

        Assert.NotNull(await grains.GetGrain<IApiKeyRegistryGrain>(RegistryKey).FindAsync(KeyHash));
        Assert.Null(await grains.GetGrain<IApiKeyRegistryGrain>(RegistryKey).FindAsync(new string('0', 64)));
        Assert.Single(await grains.GetGrain<IApiKeyRegistryGrain>(RegistryKey).ListAsync());
        Assert.Empty(await grains.GetGrain<IApiKeyRegistryGrain>("keys-test-inv6-missing").ListAsync());

        var experiment = grains.GetGrain<IExperimentGrain>(ExperimentId);
        Assert.Equal(ExperimentStatus.Succeeded, (await experiment.GetAsync())!.Status);
        Assert.Equal(2, (await experiment.GetIterationsAsync(0, 10)).Count);
        Assert.NotEmpty((await experiment.GetEventsAsync(0, 5))!.Events);
        Assert.NotEmpty(await experiment.GetRunsAsync());
        Assert.NotNull(await grains.GetGrain<IExperimentIterationGrain>(IExperimentIterationGrain.KeyOf(ExperimentId, 1)).GetAsync());
        Assert.NotEmpty(await grains.GetGrain<IExperimentEventPageGrain>(IExperimentEventPageGrain.KeyOf(ExperimentId, 0)).GetAsync());
        Assert.Contains(ExperimentId, await grains.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).ListAsync());
        var missing = grains.GetGrain<IExperimentGrain>("exp-test-inv6-missing");
        Assert.Null(await missing.GetAsync());
        Assert.Null(await missing.GetEventsAsync(0, 5));
        Assert.Empty(await missing.GetIterationsAsync(0, 5));
        Assert.Empty(await missing.GetRunsAsync());
        Assert.Null(await grains.GetGrain<IExperimentIterationGrain>(IExperimentIterationGrain.KeyOf("exp-test-inv6-missing", 0)).GetAsync());
        Assert.Empty(await grains.GetGrain<IExperimentEventPageGrain>(IExperimentEventPageGrain.KeyOf("exp-test-inv6-missing", 0)).GetAsync());
        Assert.Empty(await grains.GetGrain<IExperimentCatalogGrain>("experiments-test-inv6-missing").ListAsync());

        var audit = grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.Key);
        Assert.Contains((await audit.ListAsync(new AuditQuery(0, 500, "inv6"))).Entries, e => e.TargetId == run.RunId);
        Assert.Empty((await audit.ListAsync(new AuditQuery(long.MaxValue - 1, 5))).Entries);
        Assert.NotEmpty(await grains.GetGrain<IAuditPageGrain>(IAuditPageGrain.KeyOf(0)).GetAsync());
        Assert.Empty(await grains.GetGrain<IAuditPageGrain>(IAuditPageGrain.KeyOf(1_000_000)).GetAsync());

        var queries = new[]
        {
            new RunQuery(null, null, null, 50),
            new RunQuery(RunKinds.Advancement, RunStatus.Succeeded, new RunCursor(DateTimeOffset.MaxValue, "~"), 5, DeadLettered: false),
            new RunQuery("test-inv6-no-such-kind", null, null, 0),
        };
        var shardKeys = Enumerable.Range(0, RunIndex.ShardCount).Select(RunIndex.ShardKey).Append("runs-shard-test-inv6-missing");
        foreach (var shard in shardKeys)
        {
            foreach (var query in queries)
            {
                await grains.GetGrain<IRunIndexGrain>(shard).QueryAsync(query);
            }

            await grains.GetGrain<IRunIndexGrain>(shard).CountAsync();
        }

        var digest = run.Spec.DatasetRefs[0].Digest;
        foreach (var key in new[] { digest, "sha256:test-inv6-missing" })
        {
            await grains.GetGrain<IDatasetRunIndexGrain>(key).QueryAsync(new DatasetRunQuery(null, null, 50));
            await grains.GetGrain<IDatasetRunIndexGrain>(key).QueryAsync(new DatasetRunQuery(RunKinds.Advancement, new RunCursor(DateTimeOffset.MaxValue, "~"), 5));
        }

        Assert.Contains((await grains.GetGrain<IDatasetRunIndexGrain>(digest).QueryAsync(new DatasetRunQuery(null, null, 100_000))).Items,
            e => e.RunId == run.RunId);

        var home = await grains.GetGrain<IRunIndexGrain>(RunIndex.ShardKeyFor(run.RunId)).QueryAsync(queries[1] with { Limit = 1000 });
        Assert.Contains(home, e => e.RunId == run.RunId);
    }
}
