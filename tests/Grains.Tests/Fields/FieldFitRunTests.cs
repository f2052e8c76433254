using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Fields;

/// <summary>
/// <c>field_fit</c>: the parameters artifact pins the target and every pool it was fitted on, and the target year is
/// never among them (the grain-level twin of the engine's leave-one-year-out tests).
/// </summary>
[Collection(SimulationClustersCollection.Name)]
public sealed class FieldFitRunTests(OneSiloCluster one)
{
    [Theory]
    [InlineData("market_sampled")]
    [InlineData("history_resampled")]
    public async Task The_parameters_lineage_names_the_target_and_the_seven_other_pools_never_the_target_as_training(string model)
    {
        var run = await new FieldDriver(one.Grains).FitAsync(model);
        var artifactId = run.Artifacts.Single(a => a.Kind == FieldParametersDocument.ArtifactKind).ArtifactId;
        var artifact = (await one.Grains.GetGrain<IArtifactGrain>(artifactId).GetAsync())!;
        var document = JsonSerializer.Deserialize<FieldParametersDocument>(artifact.InlineContent!, ContentDigest.Options)!;

        var refs = artifact.Lineage.DatasetRefs;
        var target = Assert.Single(refs, d => d.Kind == DatasetKinds.Calcutta);
        Assert.Equal(FieldDriver.Calcutta, target.Id);
        var training = refs.Where(d => d.Kind == DatasetKinds.TrainingCalcutta).Select(d => d.Id).ToList();
        Assert.Equal(7, training.Count);
        Assert.DoesNotContain(FieldDriver.Calcutta, training);
        Assert.DoesNotContain("ncaa-2025", refs.Where(d => d.Kind == DatasetKinds.TrainingTournament).Select(d => d.Id));
        Assert.Equal(training, document.FittedOnPoolIds);
        Assert.Equal((model, FieldFitRunPlanner.VersionOf(model), FieldDriver.Calcutta), (document.FieldModel, document.ModelVersion, document.TargetPoolId));
        Assert.Equal(model == "market_sampled", document.MarketSampled is not null);
        Assert.Equal(model == "history_resampled", document.HistoryResampled is not null);
        Assert.Equal(FieldFitRunPlanner.VersionOf(model), run.Spec.EngineVersion);
    }

    [Fact]
    public async Task Bad_requests_name_their_field()
    {
        var planner = new FieldFitRunPlanner();
        var real = await planner.PlanAsync(FieldDriver.FitRequest("real"), one.Grains);
        Assert.Contains("fieldModel", real.Errors.Keys);
        var missing = FieldDriver.FitRequest("market_sampled");
        missing["calcuttaId"] = "calcutta-1900";
        Assert.Contains("calcuttaId", (await planner.PlanAsync(missing, one.Grains)).Errors.Keys);
        var extra = FieldDriver.FitRequest("market_sampled");
        extra["seed"] = 3;
        Assert.Contains("seed", (await planner.PlanAsync(extra, one.Grains)).Errors.Keys);
    }
}
