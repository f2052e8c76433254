using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.PairedSimulation;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>A finished simulation run of an experiment and its metrics.</summary>
public sealed record PairedRunResult(ExperimentRunRef Ref, RunSnapshot Run, PairedSimulationMetrics Metrics);

/// <summary>
/// Evaluates variants through durable <c>paired_simulation</c> runs: registers the run with the experiment first
/// (so it is reachable and cancellable from the start), creates it under its experiment-derived id (a resumed
/// search finds the same run), waits for it and reads its metrics.
/// </summary>
public sealed class PairedRunEvaluations(IGrainFactory grains, string experimentId, ExperimentConfig config)
{
    private readonly IExperimentGrain _experiment = grains.GetGrain<IExperimentGrain>(experimentId);

    public async Task<PairedRunResult> EvaluateAsync(
        int iteration, int sample, string purpose, long seed, long nSims, IReadOnlyList<PairedVariant> variants, CancellationToken cancellationToken)
    {
        var reference = new ExperimentRunRef(ExperimentRuns.SimulationRunId(experimentId, iteration, sample, purpose), iteration, sample, purpose);

        // The evaluation's run is created under this span, so its first attempt (and its chunks) join the experiment's trace.
        using var batch = LabTracing.StartExperimentSpan(LabTracing.ExperimentBatch, experimentId, iteration);
        batch?.SetTag(LabTracing.RunIdKey, reference.RunId);
        batch?.SetTag("labsandbox.experiment.purpose", purpose);
        batch?.SetTag("labsandbox.experiment.sample", sample);
        batch?.SetTag(LabTracing.BatchSizeKey, variants.Count);
        if (!await _experiment.RegisterRunAsync(reference))
        {
            throw new OperationCanceledException($"Experiment '{experimentId}' has ended.");
        }

        var spec = ExperimentRuns.SimulationSpec(experimentId, config, new RunExperimentTag(experimentId, iteration, sample, purpose), seed, nSims, variants);
        var created = await grains.GetGrain<IRunGrain>(reference.RunId).CreateAsync(spec);
        if (created.Outcome != CommandOutcome.Accepted)
        {
            throw new NonRetryableRunException($"Run '{reference.RunId}' was not accepted: {created.Reason}");
        }

        RunSnapshot run;
        try
        {
            run = await RunWaiter.WaitSucceededAsync(grains, reference.RunId, cancellationToken);
        }
        catch (RunStepException ex)
        {
            // The search cannot go on without this sample (its run failed for good, or was cancelled alone).
            throw new NonRetryableRunException(ex.Message);
        }

        var metricsId = run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId;
        return new PairedRunResult(reference, run, await PinnedArtifacts.ReadInlineAsync<PairedSimulationMetrics>(grains, metricsId));
    }
}
