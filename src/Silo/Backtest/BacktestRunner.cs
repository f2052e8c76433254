using System.Text.Json.Nodes;
using LabSandbox.Grains.Artifacts;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Commands;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Lab;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.CohortSimulation;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.Simulation;
using LabSandbox.Grains.Sandbox;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// The backtest as a sequence of the product's own operations (the same ones the API exposes): Lab generate,
/// synthetic copies with the candidate attached in place of the Lab-excluded entry, a cohort simulation per
/// market model, one baseline simulation of each real pool as it was, for the excluded entry's own result, and the
/// experiments from each ridge candidate; then the engine's measures of every strategy in the seat (realized payout,
/// other σ). Every id is derived from the inputs, so running it again reuses what exists and writes the same table.
/// </summary>
public sealed class BacktestRunner(IGrainFactory grains, IEnumerable<IRunPlanner> planners, SpecDerivedRuns runs)
{
    public const string StartingState = "post_first_four";
    public const double Sigma = 10;
    public static readonly IReadOnlyList<string> MarketModels = [MarketShareModels.NaiveEv, MarketShareModels.Oracle, MarketShareModels.Ridge];

    public const string BaselineTrack = "baseline";
    public const string MeasuresTrack = "measures";
    public const string ExperimentsTrack = "experiments";

    /// <summary>The win models the seat measures are computed under: the table's σ and the two robustness checks.</summary>
    public static readonly IReadOnlyList<double> Sigmas = [7, Sigma, 13];

    /// <summary>The experiment strategies, honest first (<see cref="BacktestExperiments.FieldAsync"/> says which field each searches).</summary>
    public static readonly IReadOnlyList<string> ExperimentStrategies = [BacktestStrategies.ExperimentModeled, BacktestStrategies.ExperimentReal];

    public async Task<IReadOnlyList<BacktestYear>> RunAsync(BacktestOptions options, IBacktestProgress progress, CancellationToken cancellationToken)
    {
        // Every track is announced up front so a live display shows the whole job from the start.
        var pools = (await grains.GetGrain<IDatasetCatalogGrain>(IDatasetCatalogGrain.Key).GetAsync()).CalcuttaIds.Count;
        foreach (var model in MarketModels)
        {
            progress.Plan(model, ModelSteps(pools));
        }

        progress.Plan(BaselineTrack, pools);
        progress.Plan(MeasuresTrack, pools);
        progress.Plan(ExperimentsTrack, pools * ExperimentStrategies.Count);
        var candidates = new Dictionary<string, List<BacktestCandidateResult>>();
        foreach (var model in MarketModels)
        {
            var config = new LabConfig(new LabAdvancementModel(KenPomLogisticModel.ModelName, Sigma), model, DpOptimizer.Key, StartingState, LabConfig.LabMarked);
            var report = await RunToReportAsync<LabGenerateReport>(RunKinds.LabGeneration,
                JsonNode.Parse(CanonicalJson.Serialize(config))!.AsObject(), cancellationToken);
            if (report.Failed > 0)
            {
                throw new InvalidOperationException($"Lab generate ({model}) failed: " + string.Join("; ", report.Pools.Where(p => p.Reason is not null).Select(p => $"{p.CalcuttaId}: {p.Reason}")));
            }

            progress.Plan(model, ModelSteps(report.Pools.Count));
            progress.Advance(model, $"{report.Created} candidate(s) created, {report.Skipped} existing");
            var members = new List<string>();
            foreach (var pool in report.Pools)
            {
                members.Add(await PrepareMemberAsync(model, pool.CalcuttaId, pool.CandidateId!));
                progress.Advance(model, $"{pool.CalcuttaId} attached to its synthetic copy");
            }

            var results = await SimulateCohortAsync(model, members, options, run =>
                progress.Advance(model, $"{report.Pools[members.IndexOf(run.SyntheticCalcuttaId)].CalcuttaId} simulated"), cancellationToken);
            foreach (var member in results.Members)
            {
                var calcuttaId = report.Pools[members.IndexOf(member.SyntheticCalcuttaId)].CalcuttaId;
                var focus = member.Focus ?? throw new InvalidOperationException($"{member.RunId} has no focus result.");
                candidates.TryAdd(calcuttaId, []);
                candidates[calcuttaId].Add(new BacktestCandidateResult(model, focus.CandidateId, member.RunId, focus.ExpectedPayoutCents, focus.PInTheMoney, focus.RankPercentile));
            }

            progress.Advance(model, $"cohort simulated ({options.NSims:N0} simulations per year)");
        }

        var years = new List<BacktestYear>();
        foreach (var calcuttaId in candidates.Keys.Order(StringComparer.Ordinal))
        {
            var (baselineRunId, advancementArtifactId, excludedCents, fieldCents) = await BaselineAsync(calcuttaId, options, cancellationToken);
            progress.Advance(BaselineTrack, $"{calcuttaId} simulated as it was");
            var ridge = await CandidateAsync(candidates[calcuttaId].Single(c => c.MarketModel == MarketShareModels.Ridge).CandidateId);
            var experiments = new List<BacktestExperiment>();
            var search = new BacktestExperiments(grains, runs);
            foreach (var strategy in ExperimentStrategies)
            {
                var field = await search.FieldAsync(strategy, calcuttaId, cancellationToken);
                experiments.Add(await search.RunAsync(strategy, ridge, advancementArtifactId, field, options, cancellationToken));
                progress.Advance(ExperimentsTrack, $"{calcuttaId} {strategy} searched ({experiments[^1].ConvergenceReason})");
            }

            years.Add(await MeasureAsync(calcuttaId, candidates[calcuttaId], experiments, baselineRunId, excludedCents, fieldCents, options, cancellationToken));
            progress.Advance(MeasuresTrack, $"{calcuttaId} realized and measured under σ = {string.Join(", ", Sigmas)}");
        }

        return years;
    }

    /// <summary>A model's steps: Lab generate, a synthetic copy per pool, a simulation per pool, the cohort's results.</summary>
    private static int ModelSteps(int pools) => 1 + pools + pools + 1;

    /// <summary>A synthetic copy of the pool with its Lab-excluded entry excluded and the candidate attached and in focus.</summary>
    private async Task<string> PrepareMemberAsync(string model, string calcuttaId, string candidateId)
    {
        var id = $"backtest-{model.Replace('_', '-')}-{calcuttaId}";
        var synthetic = grains.GetGrain<ISyntheticCalcuttaGrain>(id);
        var pool = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync() ?? throw new InvalidOperationException($"{calcuttaId} vanished.");
        var excluded = pool.Entries.Single(e => e.IsLabExcluded).EntryKey;
        Check(await synthetic.CreateAsync(new SyntheticCalcuttaDefinition($"Backtest {model} {calcuttaId}", calcuttaId, null, null, null, null)));
        Check(await synthetic.SetExcludedEntryAsync(excluded));
        Check(await synthetic.AttachCandidateAsync(candidateId));
        Check(await synthetic.SetFocusCandidateAsync(candidateId));
        return id;
    }

    private async Task<CohortResults> SimulateCohortAsync(string model, IReadOnlyList<string> members, BacktestOptions options, Action<CohortMemberRun> succeeded, CancellationToken cancellationToken)
    {
        var cohortId = $"backtest-{model.Replace('_', '-')}-{options.NSims}-{options.Seed}";
        Check(await grains.GetGrain<ICohortGrain>(cohortId).CreateAsync($"Backtest {model}", members,
            new CohortSettings(options.NSims, options.Seed, StartingState, CohortSettings.MemberPolicy, Sigma)));
        // The cohort_simulation run ends once every member run has succeeded.
        var simulation = await RunToReportAsync<CohortSimulationReport>(RunKinds.CohortSimulation, new JsonObject { ["cohortId"] = cohortId }, cancellationToken);
        foreach (var run in simulation.Runs)
        {
            succeeded(run);
        }

        return await CohortResultsReader.ReadAsync(grains, cohortId, simulation.SimulationId)
            ?? throw new InvalidOperationException($"Cohort {cohortId} has no simulation {simulation.SimulationId}.");
    }

    /// <summary>The real pool as it was (nobody excluded), same seed and size: the excluded entry's own expected payout and the field average.</summary>
    private async Task<(string RunId, string AdvancementArtifactId, long ExcludedCents, long FieldCents)> BaselineAsync(string calcuttaId, BacktestOptions options, CancellationToken cancellationToken)
    {
        var pool = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync() ?? throw new InvalidOperationException($"{calcuttaId} vanished.");
        var (advancementRunId, _) = await runs.EnsureAsync(RunKinds.Advancement, AdvancementRunPlanner.Request(
            pool.TournamentId, new AdvancementModelParams(AdvancementModelParams.KenPomLogistic, Sigma), StartingState, pool.ScoringRules));
        await runs.WaitSucceededAsync(advancementRunId, cancellationToken);
        var advancementArtifactId = ArtifactWriter.ArtifactIdFor(advancementRunId, ArtifactKinds.Metrics);
        var (runId, _) = await runs.EnsureAsync(RunKinds.Simulation, new JsonObject
        {
            ["calcuttaId"] = calcuttaId,
            ["advancementArtifactId"] = advancementArtifactId,
            ["nSims"] = options.NSims,
            ["seed"] = options.Seed,
            ["startingState"] = StartingState,
        });
        var run = await runs.WaitSucceededAsync(runId, cancellationToken);
        var metrics = await PinnedArtifacts.ReadInlineAsync<SimulationMetricsDocument>(grains, run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId);
        var excluded = pool.Entries.Single(e => e.IsLabExcluded).EntryKey;
        var excludedTotal = metrics.Entries.Single(e => e.EntryKey == excluded).PayoutCentsTotal;
        var fieldTotal = metrics.Entries.Sum(e => e.PayoutCentsTotal);
        return (runId, advancementArtifactId, Cents.Mean(excludedTotal, metrics.NSims), Cents.Mean(fieldTotal, metrics.NSims * metrics.Entries.Count));
    }

    /// <summary>The engine's measures of every strategy's entry in the excluded entry's seat (<see cref="SeatMeasures"/>).</summary>
    private async Task<BacktestYear> MeasureAsync(
        string calcuttaId, IReadOnlyList<BacktestCandidateResult> candidates, IReadOnlyList<BacktestExperiment> experiments, string baselineRunId,
        long excludedCents, long fieldCents, BacktestOptions options, CancellationToken cancellationToken)
    {
        var pool = await grains.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync() ?? throw new InvalidOperationException($"{calcuttaId} vanished.");
        var tournament = await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync()
            ?? throw new InvalidOperationException($"{pool.TournamentId} vanished.");
        var excluded = pool.Entries.Single(e => e.IsLabExcluded);
        var seats = new List<SeatEntry> { new(BacktestStrategies.RealEntry, excluded.Bids.ToEntrantBids()) };
        foreach (var candidate in candidates)
        {
            var record = await CandidateAsync(candidate.CandidateId);
            seats.Add(new SeatEntry(candidate.MarketModel, [.. record.Bids.Select(b => new EntrantBid(b.TeamId, b.BidPoints))]));
        }

        seats.AddRange(experiments.Select(e => e.Seat));
        var (measures, fieldAverage) = SeatMeasures.Measure(tournament, pool, seats, Sigmas, StartingState, options.NSims, options.Seed, cancellationToken);
        return new BacktestYear(calcuttaId, tournament.Year, excluded.EntryKey, excludedCents, fieldCents, baselineRunId, candidates, measures, fieldAverage);
    }

    private async Task<CandidateRecord> CandidateAsync(string candidateId) =>
        await grains.GetGrain<ICandidateGrain>(candidateId).GetAsync() ?? throw new InvalidOperationException($"Candidate {candidateId} vanished.");

    /// <summary>Starts (or finds) an orchestration's spec-derived run, waits for it, and reads its report (the metrics artifact).</summary>
    private async Task<T> RunToReportAsync<T>(string kind, JsonObject request, CancellationToken cancellationToken)
    {
        var plan = await planners.Single(p => p.Kind == kind).PlanAsync(request, grains);
        var spec = plan.Spec ?? throw new InvalidOperationException($"{kind}: " + string.Join(" ", plan.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
        var run = await runs.WaitSucceededAsync((await runs.StartAsync(spec)).RunId, cancellationToken);
        return await PinnedArtifacts.ReadInlineAsync<T>(grains, run.Artifacts.Single(a => a.Kind == ArtifactKinds.Metrics).ArtifactId);
    }

    private static T Check<T>(CommandResult<T> result)
        where T : class =>
        result.Outcome == CommandOutcome.Accepted
            ? result.Snapshot!
            : throw new InvalidOperationException($"{result.Outcome}: " + (result.Errors.Count > 0
                ? string.Join(" ", result.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))
                : result.Reason));
}
