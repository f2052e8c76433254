using System.Text.Json.Nodes;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Experiments;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Experiment;
using LabSandbox.Grains.Runs.LabGeneration;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Experiments;

/// <summary>Small settings: every test experiment finishes in seconds.</summary>
/// <remarks><paramref name="Objective"/> null leaves the request's <c>objective</c> out (the default, expected payout).</remarks>
public sealed record TestSearch(
    int Candidates = 6, int Screening = 1_000, int Evaluation = 2_000, int Samples = 2, int Final = 10_000,
    int MaxIterations = 4, int Patience = 3, string PruneRule = "ucb", double PruneZ = 1.0, string? Objective = null, double? RiskAversion = null);

/// <summary>Builds experiments over the 2025 pool from the Lab's dp-v1 naive_ev candidate, and reads them back whole.</summary>
public sealed class ExperimentDriver(IGrainFactory grains)
{
    public const string Calcutta = "calcutta-2025";

    private static readonly LabConfig NaiveEv = new(new LabAdvancementModel("kenpom-logistic", 10), "naive_ev", "dp-v1", "post_first_four", LabConfig.LabMarked);

    public static string NewId(string purpose) => $"exp-{purpose}-{Guid.NewGuid():N}"[..Math.Min(48, purpose.Length + 36)];

    /// <summary>The Lab's dp-v1 candidate for the 2025 pool under naive_ev (lab-marked entry excluded); generated once per cluster.</summary>
    public async Task<CandidateRecord> NaiveEvCandidateAsync()
    {
        var plan = await new LabGenerationRunPlanner().PlanAsync(JsonNode.Parse(CanonicalJson.Serialize(NaiveEv))!.AsObject(), grains);
        var started = await new SpecDerivedRuns(grains, []).StartAsync(plan.Spec!);
        var generation = await RunWaiter.WaitSucceededAsync(grains, started.RunId, CancellationToken.None);
        var report = await PinnedArtifacts.ReadInlineAsync<LabGenerateReport>(grains, generation.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId);
        var outcome = report.Pools.Single(p => p.CalcuttaId == Calcutta);
        return await grains.GetGrain<ICandidateGrain>(outcome.CandidateId!).GetAsync()
            ?? throw new InvalidOperationException($"Candidate {outcome.CandidateId} is missing: {outcome.Reason}");
    }

    public static JsonObject Request(CandidateRecord start, long masterSeed, TestSearch search, bool fromCandidate = true)
    {
        var request = new JsonObject
        {
            ["calcuttaId"] = start.CalcuttaId,
            ["advancementArtifactId"] = start.AdvancementArtifactId,
            ["marketShareArtifactId"] = start.MarketShareArtifactId,
            ["startingState"] = start.StartingState,
            ["excludedEntryKey"] = start.ExcludedEntryKey,
            ["masterSeed"] = masterSeed,
            ["candidatesPerIteration"] = search.Candidates,
            ["screeningSims"] = search.Screening,
            ["evaluationSims"] = search.Evaluation,
            ["evaluationSamples"] = search.Samples,
            ["finalSims"] = search.Final,
            ["maxIterations"] = search.MaxIterations,
            ["patience"] = search.Patience,
            ["pruneRule"] = search.PruneRule,
            ["pruneZ"] = search.PruneZ,
        };
        if (search.Objective is not null)
        {
            request["objective"] = search.Objective;
        }

        if (search.RiskAversion is { } lambda)
        {
            request["riskAversion"] = lambda;
        }

        if (fromCandidate)
        {
            request["initialCandidateId"] = start.CandidateId;
        }

        return request;
    }

    public async Task<ExperimentConfig> PlanAsync(JsonObject request)
    {
        var plan = await ExperimentPlanner.PlanAsync(request, grains);
        return plan.Config ?? throw new InvalidOperationException(string.Join("; ", plan.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    public async Task<ExperimentSnapshot> StartAsync(string experimentId, ExperimentConfig config)
    {
        var created = await grains.GetGrain<IExperimentGrain>(experimentId).CreateAsync(null, config);
        Assert.Equal(CommandOutcome.Accepted, created.Outcome);
        return created.Snapshot!;
    }

    /// <summary>Waits until the experiment has ended and its driver run has finished writing (its artifacts come last).</summary>
    public async Task<ExperimentSnapshot> WaitEndedAsync(string experimentId, TimeSpan? timeout = null)
    {
        var ended = await Eventually.WaitAsync(
            async () => (await grains.GetGrain<IExperimentGrain>(experimentId).GetAsync())!,
            e => e.Status is ExperimentStatus.Succeeded or ExperimentStatus.Failed or ExperimentStatus.Cancelled,
            $"experiment {experimentId} to end", timeout ?? TimeSpan.FromMinutes(3));
        await Eventually.WaitAsync(() => grains.GetGrain<IRunGrain>(ended.DriverRunId).GetAsync(), r => r!.Status.IsTerminal(), $"driver of {experimentId} to finish");
        return ended;
    }

    public async Task<ExperimentSnapshot> RunAsync(string experimentId, ExperimentConfig config)
    {
        await StartAsync(experimentId, config);
        var ended = await WaitEndedAsync(experimentId);
        Assert.True(ended.Status == ExperimentStatus.Succeeded, $"{experimentId} ended {ended.Status}: {ended.Error}");
        return ended;
    }

    public Task<IReadOnlyList<ExperimentIteration>> IterationsAsync(string experimentId) =>
        grains.GetGrain<IExperimentGrain>(experimentId).GetIterationsAsync(0, int.MaxValue);

    /// <summary>Every event, read in small pages (so paging across event pages is exercised too).</summary>
    public async Task<IReadOnlyList<ExperimentEvent>> EventsAsync(string experimentId)
    {
        var events = new List<ExperimentEvent>();
        long after = 0;
        while (true)
        {
            var page = (await grains.GetGrain<IExperimentGrain>(experimentId).GetEventsAsync(after, 37))!;
            events.AddRange(page.Events);
            if (page.Events.Count == 0)
            {
                return events;
            }

            after = page.LastSequence;
        }
    }
}
