using System.Globalization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.StrategyGeneration;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// Drives an experiment as a durable run of kind <c>experiment</c>: leased, retried and resumed like any run. A
/// new attempt continues after the last recorded iteration. The search's CPU work is in its simulation runs,
/// which the cluster places anywhere; the driver only proposes, waits and decides.
/// </summary>
public sealed partial class ExperimentRunHandler(ILogger<ExperimentRunHandler> logger) : IRunHandler
{
    public string Kind => RunKinds.Experiment;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<ExperimentRunParams>();
        var experiment = context.Grains.GetGrain<IExperimentGrain>(p.ExperimentId);
        if (await experiment.GetAsync() is not { } snapshot || snapshot.ConfigDigest != ExperimentRuns.ConfigDigest(p.Config))
        {
            throw new NonRetryableRunException($"Experiment '{p.ExperimentId}' does not exist with this run's config.");
        }

        // A repeat after the search completed (its attempt lost before the run could finish) only writes the artifact.
        var (reason, converged, result) = snapshot is { Status: ExperimentStatus.Succeeded, Result: { } done }
            ? (snapshot.ConvergenceReason!, snapshot.Converged, done)
            : await SearchAsync(context, p, experiment, cancellationToken);
        var final = await experiment.GetAsync();
        var document = new ExperimentMetricsDocument(
            Kind, context.Spec.EngineVersion, p.ExperimentId, snapshot.ConfigDigest, p.Config.MasterSeed, reason,
            converged, final?.NumIterations ?? 0, final?.EventCount ?? 0, result);
        var summary = new Dictionary<string, string>
        {
            ["experimentId"] = p.ExperimentId,
            ["convergenceReason"] = reason,
            ["bestCandidateId"] = result.BestCandidateId,
            ["improvementCents"] = result.Improvement.MeanCents.ToString(CultureInfo.InvariantCulture),
        };
        return new RunOutput(
        [
            context.Metrics(document, summary),
        ]);
    }

    private async Task<(string Reason, bool Converged, ExperimentResult Result)> SearchAsync(
        RunExecutionContext context, ExperimentRunParams p, IExperimentGrain experiment, CancellationToken cancellationToken)
    {
        var teams = await OptimizerInputs.ReadTeamsAsync(context.Grains, p.Config.AdvancementArtifactId, p.Config.MarketShareArtifactId);
        var recorded = await experiment.GetIterationsAsync(0, int.MaxValue);
        using var activity = LabDiagnostics.ActivitySource.StartActivity(LabTracing.ExperimentSearch);
        activity?.SetTag(LabTracing.ExperimentIdKey, p.ExperimentId);
        activity?.SetTag("labsandbox.experiment.resumed_after", recorded.Count == 0 ? null : recorded[^1].Iteration);
        LogSearchStarting(p.ExperimentId, recorded.Count == 0 ? 0 : recorded[^1].Iteration + 1);
        var search = new ExperimentSearch(
            p.ExperimentId, p.Config, recorded, experiment,
            new EntryProposer(teams, OptimizerInputs.Bounds(p.Config.Rules)),
            new PairedRunEvaluations(context.Grains, p.ExperimentId, p.Config),
            teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal),
            (percent, message) => context.ReportProgressAsync("search", percent, message));
        var outcome = await search.RunAsync(cancellationToken);
        LogSearchEnded(p.ExperimentId, outcome.ConvergenceReason, outcome.Result.BestCandidateId, outcome.Result.Improvement.MeanCents,
            outcome.Result.Improvement.LowCents, outcome.Result.Improvement.HighCents);
        return (outcome.ConvergenceReason, outcome.Converged, outcome.Result);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId}: search starting at iteration {Iteration}")]
    private partial void LogSearchStarting(string experimentId, int iteration);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Experiment {ExperimentId}: search ended ({ConvergenceReason}); best {CandidateId}, gain {GainCents} ¢ [{LowCents}, {HighCents}]")]
    private partial void LogSearchEnded(string experimentId, string convergenceReason, string candidateId, long gainCents, long lowCents, long highCents);
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
