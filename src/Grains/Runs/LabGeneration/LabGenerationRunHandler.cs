using System.Globalization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs.Abstractions;

namespace LabSandbox.Grains.Runs.LabGeneration;

/// <summary>
/// The Lab's generate as a durable run: every pinned pool's candidate, <see cref="PoolsAtATime"/> pools at a time, a
/// <c>RUN.PROGRESS</c> event as each pool ends, and the report (<see cref="LabGenerateReport"/>) as
/// the run's canonical <c>metrics</c> artifact. A new attempt after a lost silo runs it all again: the child runs have
/// spec-derived ids, so it finds them and creates nothing new, and reports what an uninterrupted attempt would.
/// </summary>
public sealed class LabGenerationRunHandler(SpecDerivedRuns runs) : IRunHandler
{
    /// <summary>
    /// Two pools overlap one pool's waits with the other's runs; more would only queue child runs on a small cluster
    /// and end every pool at once, so progress would say little and a lost attempt would lose every pool's wait.
    /// </summary>
    public const int PoolsAtATime = 2;

    public string Kind => RunKinds.LabGeneration;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<LabGenerationParams>();
        var self = await context.Grains.GetGrain<IRunGrain>(context.RunId).GetAsync()
            ?? throw new NonRetryableRunException($"Run '{context.RunId}' does not exist.");
        var generator = new LabPoolGenerator(context.Grains, runs, p.Config, p.ConfigKey, self.CreatedAt);
        var pinned = context.Spec.DatasetRefs.Where(d => d.Kind == DatasetKinds.Calcutta).ToDictionary(d => d.Id, StringComparer.Ordinal);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(PoolsAtATime);
        var finished = 0;
        var outcomes = await Task.WhenAll(p.CalcuttaIds.Select(async calcuttaId =>
        {
            await gate.WaitAsync(stop.Token);
            try
            {
                LabPoolOutcome outcome;
                using (var span = LabTracing.StartRunSpan(LabTracing.LabPool, context.RunId, context.Spec.Kind))
                {
                    span?.SetTag(LabTracing.PoolKey, calcuttaId);
                    outcome = await generator.GenerateAsync(calcuttaId, pinned.GetValueOrDefault(calcuttaId), stop.Token);
                    span?.SetTag("labsandbox.lab.outcome", outcome.Outcome);
                }

                var done = Interlocked.Increment(ref finished);
                var message = $"{calcuttaId}: {outcome.Outcome} {outcome.CandidateId ?? outcome.Reason}".TrimEnd();
                if (!await context.ReportProgressAsync("pools", 100.0 * done / p.CalcuttaIds.Count, message))
                {
                    await stop.CancelAsync();
                    throw new OperationCanceledException($"Run '{context.RunId}' is no longer this attempt's.");
                }

                return outcome;
            }
            finally
            {
                gate.Release();
            }
        }));

        var report = new LabGenerateReport(p.ConfigKey, p.Config,
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Created),
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Skipped),
            outcomes.Count(o => o.Outcome == LabPoolOutcomes.Failed),
            outcomes);
        return new RunOutput([await MetricsAsync(context, report)]);
    }

    /// <summary>The report, canonical; its lineage is the pinned pools and every candidate's bids.</summary>
    private static async Task<ArtifactDraft> MetricsAsync(RunExecutionContext context, LabGenerateReport report)
    {
        var bids = new List<string>();
        foreach (var candidateId in report.Pools.Select(o => o.CandidateId).OfType<string>())
        {
            if (await context.Grains.GetGrain<ICandidateGrain>(candidateId).GetAsync() is { } candidate)
            {
                bids.Add(candidate.BidsArtifactId);
            }
        }

        var summary = new Dictionary<string, string>
        {
            ["configKey"] = report.ConfigKey,
            ["created"] = report.Created.ToString(CultureInfo.InvariantCulture),
            ["skipped"] = report.Skipped.ToString(CultureInfo.InvariantCulture),
            ["failed"] = report.Failed.ToString(CultureInfo.InvariantCulture),
        };
        return context.CanonicalReport(report, summary, bids);
    }
}
