using System.Globalization;
using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Strategy;

namespace LabSandbox.Grains.Experiments;

/// <summary>
/// Drives an experiment as a durable run of kind <c>experiment</c>: leased, retried and resumed like any run. A
/// new attempt continues after the last recorded iteration. The search's CPU work is in its simulation runs,
/// which the cluster places anywhere; the driver only proposes, waits and decides.
/// </summary>
public sealed class ExperimentRunHandler : IRunHandler
{
    public string Kind => RunKinds.Experiment;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = JsonSerializer.Deserialize<ExperimentRunParams>(context.Spec.ParamsJson, ContentDigest.Options)
            ?? throw new NonRetryableRunException("The run's params are empty.");
        var experiment = context.Grains.GetGrain<IExperimentGrain>(p.ExperimentId);
        if (await experiment.GetAsync() is not { } snapshot || snapshot.ConfigDigest != ExperimentRuns.ConfigDigest(p.Config))
        {
            throw new NonRetryableRunException($"Experiment '{p.ExperimentId}' does not exist with this run's config.");
        }

        var teams = await OptimizerInputs.ReadTeamsAsync(context.Grains, p.Config.AdvancementArtifactId, p.Config.MarketShareArtifactId);
        var recorded = await experiment.GetIterationsAsync(0, int.MaxValue);
        var search = new ExperimentSearch(
            p.ExperimentId, p.Config, recorded, experiment,
            new EntryProposer(teams, OptimizerInputs.Bounds(p.Config.Rules)),
            new PairedRunEvaluations(context.Grains, p.ExperimentId, p.Config),
            teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal),
            (percent, message) => context.ReportProgressAsync("search", percent, message));
        var outcome = await search.RunAsync(cancellationToken);

        var final = await experiment.GetAsync();
        var document = new ExperimentMetricsDocument(
            Kind, context.Spec.EngineVersion, p.ExperimentId, snapshot.ConfigDigest, p.Config.MasterSeed, outcome.ConvergenceReason,
            outcome.Converged, final?.NumIterations ?? 0, final?.EventCount ?? 0, outcome.Result);
        var lineage = new ArtifactLineage(context.Spec.InputArtifactIds, context.Spec.DatasetRefs);
        var summary = new Dictionary<string, string>
        {
            ["experimentId"] = p.ExperimentId,
            ["convergenceReason"] = outcome.ConvergenceReason,
            ["bestCandidateId"] = outcome.Result.BestCandidateId,
            ["improvementCents"] = outcome.Result.Improvement.MeanCents.ToString(CultureInfo.InvariantCulture),
        };
        return new RunOutput(
        [
            new ArtifactDraft(ArtifactKinds.Metrics, "application/json", "metrics.json",
                JsonSerializer.SerializeToUtf8Bytes(document, ContentDigest.Options), Inline: true, summary, lineage),
        ]);
    }
}

/// <summary>The driver run's <c>metrics</c> artifact: how the search ended and what it found.</summary>
public sealed record ExperimentMetricsDocument(
    string Kind,
    string EngineVersion,
    string ExperimentId,
    string ConfigDigest,
    long MasterSeed,
    string ConvergenceReason,
    bool Converged,
    int NumIterations,
    long EventCount,
    ExperimentResult Result);
