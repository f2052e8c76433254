using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Simulations;

namespace LabSandbox.Grains.Tests.Fields;

/// <summary>
/// Field fits and modeled-field simulation requests over the 2025 pool. Fit runs have fixed ids, so their artifact ids —
/// which modeled-field metrics name — are the same in every cluster and results compare across clusters.
/// </summary>
public sealed class FieldDriver(IGrainFactory grains)
{
    public const string Calcutta = "calcutta-2025";

    public static string FitRunId(string model) => $"fieldtests-fit-{Calcutta}-{model}";

    public static JsonObject FitRequest(string model) => new() { ["calcuttaId"] = Calcutta, ["fieldModel"] = model };

    /// <summary>Fits <paramref name="model"/> for the 2025 pool (once per cluster) and returns its succeeded run.</summary>
    public async Task<RunSnapshot> FitAsync(string model)
    {
        var plan = await new FieldFitRunPlanner().PlanAsync(FitRequest(model), grains);
        Assert.True(plan.Spec is not null, "fit rejected: " + JsonSerializer.Serialize(plan.Errors));
        await new RunDriver(grains).CreateAsync(FitRunId(model), plan.Spec!);
        var run = await new SimulationDriver(grains).WaitTerminalAsync(FitRunId(model));
        Assert.True(run.Status == RunStatus.Succeeded, $"fit {model} ended {run.Status}: {run.LastError}");
        return run;
    }

    public async Task<string> ParametersArtifactIdAsync(string model) =>
        (await FitAsync(model)).Artifacts.Single(a => a.Kind == FieldParametersDocument.ArtifactKind).ArtifactId;

    /// <summary>A simulation of the 2025 pool with the candidate's seat (P005, lab-marked) facing a modeled field.</summary>
    public static JsonObject SimulationRequest(CandidateRecord start, string? parametersId, long nSims, long seed, long chunkSize, string model = "market_sampled")
    {
        var request = new JsonObject
        {
            ["kind"] = RunKinds.Simulation,
            ["calcuttaId"] = Calcutta,
            ["advancementArtifactId"] = start.AdvancementArtifactId,
            ["startingState"] = start.StartingState,
            ["excludedEntryKey"] = start.ExcludedEntryKey,
            ["nSims"] = nSims,
            ["seed"] = seed,
            ["chunkSize"] = chunkSize,
            ["fieldModel"] = model,
            ["fieldParametersArtifactId"] = parametersId,
        };
        if (model == "market_sampled")
        {
            request["marketShareArtifactId"] = start.MarketShareArtifactId;
        }

        return request;
    }
}
