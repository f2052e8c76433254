using System.Diagnostics;
using LabSandbox.Api.Client.Generated;

namespace LabSandbox.Api.Client.Tests.Walkthrough;

/// <summary>
/// The steps of the README's flow over the generated client: request bodies, bounded waits, and the Lab's
/// generate. Everything goes through <see cref="LabApiClient"/>; nothing here speaks HTTP or declares a DTO.
/// </summary>
public static class LabFlow
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A request body. The document types today's bodies as a bare object (the endpoints read a JsonObject), so
    /// the generated request type is the schema-less <c>JsonObject</c> with its extension-data dictionary. Once the
    /// API declares typed request records, the generator emits one class per body and these calls become typed
    /// (and a misspelt field a compile error).
    /// </summary>
    public static JsonObject Body(params (string Field, object? Value)[] fields)
    {
        var body = new JsonObject();
        foreach (var (field, value) in fields)
        {
            body.AdditionalProperties[field] = value!;
        }

        return body;
    }

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
    public static async Task<RunResponse> RunToSuccessAsync(this LabApiClient client, JsonObject request, TimeSpan timeout)
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
    /// The Lab's candidate for <paramref name="calcuttaId"/> under <paramref name="config"/>. Today generate is
    /// synchronous and answers its report; when it answers 202 with a run id instead, only this helper changes:
    /// wait for that run (<see cref="WaitForRunAsync"/>) and read the candidate from ListLabCandidates.
    /// </summary>
    public static async Task<(LabGenerateReport Report, string CandidateId)> GenerateCandidateAsync(
        this LabApiClient client, JsonObject config, string calcuttaId)
    {
        var report = await client.GenerateLabCandidatesAsync(config);
        var pool = report.Pools.Single(p => p.CalcuttaId == calcuttaId);
        Xunit.Assert.True(pool.CandidateId is { Length: > 0 }, $"{calcuttaId}: {pool.Outcome} without a candidate ({pool.Reason})");
        return (report, pool.CandidateId);
    }

    public static string ArtifactOfKind(this RunResponse run, string kind) => run.Artifacts.Single(a => a.Kind == kind).ArtifactId;

    public static DatasetRef DatasetRefOfKind(this RunResponse run, string kind) => run.DatasetRefs.Single(d => d.Kind == kind);
}
