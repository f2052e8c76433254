using System.Diagnostics;
using LabSandbox.Api.Client.Generated;

namespace LabSandbox.Api.Client.Tests.Walkthrough;

/// <summary>
/// The steps of the README's flow over the generated client: bounded waits and the Lab's generate. Everything goes
/// through <see cref="LabApiClient"/> and its typed request classes; nothing here speaks HTTP or declares a DTO.
/// </summary>
public static class LabFlow
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Eight pools, three runs each, on a 2-core machine.</summary>
    private static readonly TimeSpan GenerateTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Polls GetRun until the run is terminal; fails with its last status and error after <paramref name="timeout"/>.</summary>
    public static async Task<RunResponse> WaitForRunAsync(this LabApiClient client, string runId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var run = await client.GetRunAsync(runId);
            if (run.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled)
            {
                return run;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"run {runId} still {run.Status} after {timeout} (attempt {run.Attempt}, error: {run.Error ?? "none"})");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Creates a run and waits for it to succeed; fails with the run's error otherwise.</summary>
    public static async Task<RunResponse> RunToSuccessAsync(this LabApiClient client, CreateRunRequest request, TimeSpan timeout)
    {
        var created = await client.CreateRunAsync(request);
        Xunit.Assert.Equal(RunStatus.Queued, created.Status);
        var run = await client.WaitForRunAsync(created.RunId, timeout);
        Xunit.Assert.True(run.Status == RunStatus.Succeeded, $"run {run.RunId} ({run.Kind}) ended {run.Status}: {run.Error}");
        return run;
    }

    /// <summary>Polls GetExperiment until the experiment is terminal, within <paramref name="timeout"/>.</summary>
    public static async Task<ExperimentSnapshot> WaitForExperimentAsync(this LabApiClient client, string experimentId, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var experiment = await client.GetExperimentAsync(experimentId);
            if (experiment.Status is ExperimentStatus.Succeeded or ExperimentStatus.Failed or ExperimentStatus.Cancelled)
            {
                return experiment;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"experiment {experimentId} still {experiment.Status} after {timeout} ({experiment.NumIterations} iterations)");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// The Lab's candidate for <paramref name="calcuttaId"/> under <paramref name="config"/>: its (pool, config) row of
    /// ListLabCandidates, found by the config's own fields. Generate starts the config's <c>lab_generation</c> run and
    /// answers at once; the run's metrics artifact (its report) summarises created, skipped and failed pools.
    /// </summary>
    public static async Task<LabCandidateItem> GenerateCandidateAsync(this LabApiClient client, GenerateLabCandidatesRequest config, string calcuttaId)
    {
        var started = await client.GenerateLabCandidatesAsync(config);
        var generation = await client.WaitForRunAsync(started.RunId, GenerateTimeout);
        Xunit.Assert.True(generation.Status == RunStatus.Succeeded, $"lab_generation run {generation.RunId} ended {generation.Status}: {generation.Error}");
        var report = await client.GetArtifactAsync(generation.ArtifactOfKind("metrics"));
        Xunit.Assert.True(report.Summary["failed"] == "0", $"generate failed {report.Summary["failed"]} pools");

        var rows = await client.ListLabCandidatesAsync(calcuttaId, marketModel: config.MarketModel, optimizerKey: config.OptimizerKey,
            startingState: config.StartingState, excludedEntry: config.ExcludedEntry, advancementModelKind: config.AdvancementModel.Kind,
            sigma: config.AdvancementModel.Sigma);
        var row = Xunit.Assert.Single(rows.Items);
        Xunit.Assert.True(row.CandidateId is { Length: > 0 }, $"{calcuttaId}: no candidate under config {row.ConfigKey}");
        return row;
    }

    public static string ArtifactOfKind(this RunResponse run, string kind) => run.Artifacts.Single(a => a.Kind == kind).ArtifactId;

    public static DatasetRef DatasetRefOfKind(this RunResponse run, string kind) => run.DatasetRefs.Single(d => d.Kind == kind);
}
