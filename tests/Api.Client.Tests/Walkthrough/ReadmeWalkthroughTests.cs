using System.Diagnostics;
using LabSandbox.Api.Client.Generated;
using LabSandbox.Api.Client.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LabSandbox.Api.Client.Tests.Walkthrough;

/// <summary>
/// The README's flow, driven only through the client generated from docs/api/openapi-v1.json against the API in
/// process: an advancement run, a simulation pinned to it, the Lab's candidate, a synthetic copy of the real pool
/// with the candidate in the lab-marked entry's seat, its simulation, and a small experiment from the candidate.
/// If the committed document and the served API disagree on a path, a status or a field, a step here fails.
/// </summary>
public sealed class ReadmeWalkthroughTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Pool = "calcutta-2025";
    private const string Tournament = "ncaa-2025";
    private const string StartingState = "post_first_four";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly ClientApiFactory _api = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task The_readme_flow_runs_end_to_end_through_the_generated_client()
    {
        var client = _api.CreateLabClient(TimeSpan.FromMinutes(3));
        Assert.Equal("healthy", (await client.HealthAsync()).Status);
        var pool = await client.GetCalcuttaAsync(Pool);
        Assert.Equal(Tournament, pool.TournamentId);

        // A documented 400 arrives as the typed problem details, naming the bad field (the typed client can no longer
        // send an unknown kind, so the bad field is a simulation's nSims, which must be at least 1).
        var invalid = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(
            () => client.CreateRunAsync(Simulation("art-unknown", seed: 7, calcuttaId: Pool, nSims: 0)));
        Assert.Equal(400, invalid.StatusCode);
        Assert.Contains("nSims", invalid.Result.Errors.Keys);

        // 1. An advancement run of the pool's tournament under the pool's scoring rules.
        var advancement = await client.RunToSuccessAsync(new CreateRunRequestAdvancementRunRequest
        {
            TournamentId = Tournament,
            Model = new WinModelRequest { Kind = "kenpom-logistic", Sigma = 10 },
            StartingState = StartingState,
            ScoringRules = pool.ScoringRules,
        }, RunTimeout);
        Assert.Equal("advancement", advancement.Kind);
        Assert.True(advancement.Attempt >= 1 && advancement.FinishedAt >= advancement.StartedAt, "3.1 number and nullable types map to int and DateTimeOffset?");
        Assert.Equal(Tournament, advancement.DatasetRefOfKind("tournament").Id);
        var advancementMetrics = advancement.ArtifactOfKind("metrics");
        Step("advancement", advancement.RunId);

        // 2. A simulation of the real pool pinned to that advancement.
        var simulation = await client.RunToSuccessAsync(Simulation(advancementMetrics, seed: 7, calcuttaId: Pool), RunTimeout);
        Assert.Contains(advancementMetrics, simulation.Inputs.ArtifactIds);
        Assert.Equal(pool.Digest, simulation.DatasetRefOfKind("calcutta").Digest);
        Assert.NotNull(simulation.ArtifactOfKind("metrics"));
        Step("simulation of the real pool", simulation.RunId);

        // 3. The Lab's candidate for the pool (naive_ev, the pool's lab-marked entry excluded).
        var lab = await client.GenerateCandidateAsync(new GenerateLabCandidatesRequest
        {
            AdvancementModel = new LabAdvancementModelRequest { Kind = "kenpom-logistic", Sigma = 10 },
            MarketModel = "naive_ev",
            OptimizerKey = "dp-v1",
            StartingState = StartingState,
            ExcludedEntry = "lab_marked",
        }, Pool);
        var candidateId = lab.CandidateId;
        var candidate = await client.GetCandidateAsync(candidateId);
        Assert.Equal(Pool, candidate.CalcuttaId);
        Assert.Contains(candidate.LabConfigs, c => c.ConfigKey == lab.ConfigKey);
        var excluded = pool.Entries.Single(e => e.IsLabExcluded).EntryKey;
        Assert.Equal(excluded, candidate.ExcludedEntryKey);
        Step("Lab candidate", candidateId);

        // 4. A synthetic copy of the real pool: the candidate attached in place of the lab-marked entry, and in focus.
        var syntheticId = "syn-walkthrough-2025";
        var copy = await client.CreateSyntheticCalcuttaFromCalcuttaAsync(new CopyCalcuttaRequest { SyntheticCalcuttaId = syntheticId, CalcuttaId = Pool });
        Assert.Equal(Pool, copy.SourceCalcuttaId);
        Assert.Equal(pool.Entries.Select(e => e.EntryKey).Order(), copy.Entries.Select(e => e.EntryKey).Order());
        await client.SetExcludedEntryAsync(syntheticId, new SetExcludedEntryRequest { EntryKey = excluded });
        var attached = await client.AttachCandidateAsync(syntheticId, new AttachCandidateRequest { CandidateId = candidateId });
        var entry = attached.Entries.Single(e => e.CandidateId == candidateId);
        Assert.Equal(candidateId, entry.EntryKey);
        Assert.Equal(candidate.Bids.Select(b => (b.TeamId, b.BidPoints)).Order(), entry.Bids.Select(b => (b.TeamId, b.BidPoints)).Order());
        var atRun = await client.SetFocusCandidateAsync(syntheticId, new SetFocusCandidateRequest { CandidateId = candidateId });
        Assert.Equal(candidateId, atRun.FocusCandidateId);
        Assert.Equal(excluded, atRun.ExcludedEntryKey);
        Step("synthetic calcutta", $"{syntheticId} v{atRun.Version} {atRun.Digest}");

        // 5. Its simulation pins the synthetic calcutta's version by digest, with the candidate as the focus.
        var synthetic = await client.RunToSuccessAsync(Simulation(candidate.AdvancementArtifactId, seed: 11, syntheticCalcuttaId: syntheticId), RunTimeout);
        var pinned = synthetic.DatasetRefOfKind("synthetic_calcutta");
        Assert.Equal(syntheticId, pinned.Id);
        Assert.Equal(atRun.Digest, pinned.Digest);
        Assert.DoesNotContain(synthetic.DatasetRefs, d => d.Kind == "calcutta");
        Assert.Equal(atRun.Digest, (await client.GetSyntheticCalcuttaVersionAsync(syntheticId, pinned.Digest)).Digest);
        Step("simulation of the synthetic calcutta", synthetic.RunId);

        // 6. A small experiment on the real pool, starting from the candidate, until it ends with a result.
        var experimentId = "exp-walkthrough-2025";
        var created = await client.CreateExperimentAsync(new CreateExperimentRequest
        {
            ExperimentId = experimentId,
            CalcuttaId = Pool,
            InitialCandidateId = candidateId,
            AdvancementArtifactId = candidate.AdvancementArtifactId,
            MarketShareArtifactId = candidate.MarketShareArtifactId,
            StartingState = StartingState,
            ExcludedEntryKey = excluded,
            MasterSeed = 2025,
            CandidatesPerIteration = 3,
            ScreeningSims = 300,
            EvaluationSims = 600,
            EvaluationSamples = 2,
            FinalSims = 2000,
            MaxIterations = 2,
            Patience = 2,
        });
        Assert.Equal(experimentId, created.ExperimentId);
        Assert.False(string.IsNullOrEmpty(created.DriverRunId));
        var experiment = await client.WaitForExperimentAsync(experimentId, TimeSpan.FromSeconds(90));
        Assert.True(experiment.Status == ExperimentStatus.Succeeded, $"experiment ended {experiment.Status}: {experiment.Error}");
        Assert.InRange(experiment.NumIterations, 1, 2);
        var result = Assert.IsType<ExperimentResult>(experiment.Result);
        Assert.False(string.IsNullOrEmpty(result.BestCandidateId));
        Assert.NotEmpty(result.BestBids);
        Assert.Equal(RunStatus.Succeeded, (await client.GetRunAsync(result.FinalRunId)).Status);
        Assert.Equal(RunStatus.Succeeded, (await client.GetRunAsync(experiment.DriverRunId)).Status);
        Assert.Equal(experimentId, (await client.GetCandidateAsync(result.BestCandidateId)).ExperimentId);
        Step("experiment", $"{experimentId}: {experiment.NumIterations} iterations, best {result.BestCandidateId}, " +
            $"expected payout {result.InitialExpectedPayoutCents} -> {result.FinalExpectedPayoutCents} cents");
    }

    /// <summary>A small simulation request (nSims 20,000) over a real pool or a synthetic calcutta (the other id stays unset, so absent).</summary>
    private static CreateRunRequestSimulationRunRequest Simulation(
        string advancementArtifactId, long seed, string? calcuttaId = null, string? syntheticCalcuttaId = null, long nSims = 20_000) => new()
    {
        CalcuttaId = calcuttaId,
        SyntheticCalcuttaId = syntheticCalcuttaId,
        AdvancementArtifactId = advancementArtifactId,
        NSims = nSims,
        Seed = seed,
        StartingState = StartingState,
    };

    private void Step(string what, string id) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {what}: {id}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();
}
