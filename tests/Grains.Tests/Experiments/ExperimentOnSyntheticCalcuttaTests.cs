using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Tests.Sandbox;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>
/// An experiment over a synthetic calcutta pins the version it started on: a copy of the 2025 pool searches exactly
/// like the real pool (same field, same seat, same seeds), and editing the copy meanwhile changes nothing it ran.
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class ExperimentOnSyntheticCalcuttaTests(OneSiloCluster cluster)
{
    [Fact]
    public async Task A_copy_of_the_pool_searches_exactly_like_the_pool_and_later_edits_change_nothing()
    {
        var driver = new ExperimentDriver(cluster.Grains);
        var start = await driver.NaiveEvCandidateAsync();
        var syntheticId = $"sc-exp-{Guid.NewGuid():N}"[..30];
        var synthetic = cluster.Grains.GetGrain<ISyntheticCalcuttaGrain>(syntheticId);
        SandboxRecords.AssertOk(await synthetic.CreateAsync(SandboxRecords.FromCalcutta("Copy of 2025 for an experiment", ExperimentDriver.Calcutta)));
        var pinned = SandboxRecords.AssertOk(await synthetic.SetExcludedEntryAsync(start.ExcludedEntryKey));

        var search = new TestSearch(MaxIterations: 3);
        var onPool = await driver.PlanAsync(ExperimentDriver.Request(start, 99, search));
        var request = ExperimentDriver.Request(start, 99, search);
        request.Remove("calcuttaId");
        request.Remove("excludedEntryKey"); // the copy's own setting
        request["syntheticCalcuttaId"] = syntheticId;
        var onCopy = await driver.PlanAsync(request);
        Assert.Equal(new DatasetRef(DatasetKinds.SyntheticCalcutta, syntheticId, pinned.Digest), onCopy.Pool);
        Assert.Equal(onPool.ExcludedEntryKey, onCopy.ExcludedEntryKey);

        var poolId = ExperimentDriver.NewId("pool");
        var copyId = ExperimentDriver.NewId("copy");
        await driver.StartAsync(copyId, onCopy);
        SandboxRecords.AssertOk(await synthetic.PutEntryAsync("ZZZ-late", SandboxRecords.OtherValidBids));
        var copy = await driver.WaitEndedAsync(copyId);
        var pool = await driver.RunAsync(poolId, onPool);
        Assert.Equal(ExperimentStatus.Succeeded, copy.Status);

        // Every simulation run of the copy's experiment pinned the version it started on, not the edited one.
        foreach (var reference in await cluster.Grains.GetGrain<IExperimentGrain>(copyId).GetRunsAsync())
        {
            var run = await cluster.Grains.GetGrain<IRunGrain>(reference.RunId).GetAsync();
            Assert.Contains(onCopy.Pool, run!.Spec.DatasetRefs);
        }

        Assert.NotEqual(pinned.Digest, (await synthetic.GetAsync())!.Digest);
        Assert.Equal(Decisions(poolId, await driver.IterationsAsync(poolId)), Decisions(copyId, await driver.IterationsAsync(copyId)));
        Assert.Equal(
            CanonicalJson.Serialize(pool.Result! with { BestCandidateId = "", FinalRunId = "" }),
            CanonicalJson.Serialize(copy.Result! with { BestCandidateId = "", FinalRunId = "" }));
        Assert.NotEqual(pool.Result!.BestCandidateId, copy.Result!.BestCandidateId); // a candidate is an entry in its own pool
    }

    private static string Decisions(string id, IReadOnlyList<ExperimentIteration> iterations) =>
        CanonicalJson.Serialize(iterations.Select(i => i with { Runs = [] })).Replace(id, "{experiment}", StringComparison.Ordinal);
}
