using System.Text.Json.Nodes;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Runs.Advancement;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Runs.Experiment;

/// <summary>
/// Validates an experiment request and pins everything it names: the pool (a real pool, or a synthetic calcutta's
/// current version, by digest), the advancement artifact (same tournament, starting state and scoring), the market
/// artifact (same pool and excluded entry), and the starting entry (a Lab candidate's bids, or the <c>dp-v1</c>
/// optimum of the pinned artifacts). Every problem is reported against its field; nothing is created.
/// </summary>
public static class ExperimentPlanner
{
    public sealed record Plan(ExperimentConfig? Config, string? Name, IReadOnlyDictionary<string, string[]> Errors);

    public static async Task<Plan> PlanAsync(JsonObject request, IGrainFactory grains)
    {
        var reader = new RequestReader(request);
        var name = reader.OptionalString("name");
        var calcuttaId = request.ContainsKey("syntheticCalcuttaId") && !request.ContainsKey("calcuttaId") ? null : reader.RequiredString("calcuttaId");
        var syntheticId = request.ContainsKey("syntheticCalcuttaId") ? reader.RequiredString("syntheticCalcuttaId") : null;
        if (calcuttaId is not null && syntheticId is not null)
        {
            reader.Error("syntheticCalcuttaId", "Name either 'calcuttaId' or 'syntheticCalcuttaId', not both.");
        }

        var advancementId = reader.RequiredString("advancementArtifactId");
        var marketId = reader.RequiredString("marketShareArtifactId");
        var startingState = reader.RequiredString("startingState");
        if (startingState is not null && !StartingState.TryParse(startingState, out _, out var stateError))
        {
            reader.Error("startingState", stateError!);
            startingState = null;
        }

        var excludedGiven = request.ContainsKey("excludedEntryKey");
        var excluded = reader.OptionalString("excludedEntryKey");
        var initialCandidateId = reader.OptionalString("initialCandidateId");
        var masterSeed = Whole(reader, "masterSeed", null, 0, long.MaxValue);
        var search = new ExperimentSearchSettings(
            (int)Whole(reader, "candidatesPerIteration", 8, 1, ExperimentLimits.MaxCandidatesPerIteration),
            (int)Whole(reader, "screeningSims", 2_000, 100, 1_000_000),
            (int)Whole(reader, "evaluationSims", 8_000, 100, 5_000_000),
            (int)Whole(reader, "evaluationSamples", 4, 1, ExperimentLimits.MaxEvaluationSamples),
            (int)Whole(reader, "finalSims", 100_000, 1_000, 5_000_000),
            (int)Whole(reader, "maxIterations", 20, 1, ExperimentLimits.MaxIterations),
            (int)Whole(reader, "patience", 5, 1, ExperimentLimits.MaxIterations),
            reader.OptionalString("pruneRule") ?? PruneRules.UpperConfidenceBound,
            Number(reader, "pruneZ", 1.0, 0, 10));
        if (search.PruneRule is not (PruneRules.UpperConfidenceBound or PruneRules.None))
        {
            reader.Error("pruneRule", $"'pruneRule' is '{PruneRules.UpperConfidenceBound}' or '{PruneRules.None}'.");
        }

        var objective = Objective(reader);
        search = search with { Objective = objective, RiskAversion = RiskAversion(reader, objective) };

        var fieldRequest = FieldRequest.Read(reader, ownMarketField: false);
        if (!fieldRequest.IsReal)
        {
            RequireClusters(reader, search, fieldRequest.Model);
        }

        reader.RejectUnknownFields();

        var pool = await PoolAsync(reader, grains, calcuttaId, syntheticId, excludedGiven, excluded);
        var tournament = pool is null ? null : await grains.GetGrain<ITournamentGrain>(pool.TournamentId).GetAsync();
        double sigma = 0;
        if (pool is not null && advancementId is not null && startingState is not null
            && await PinnedAdvancement.ReadAsync(reader, grains, "advancementArtifactId", advancementId, pool.TournamentId, startingState) is { } advancement)
        {
            sigma = advancement.Model.Sigma;
            if (!advancement.ScoringRules.SequenceEqual(pool.ScoringRules))
            {
                reader.Error("advancementArtifactId", $"Artifact '{advancementId}' scores points under other rules than the pool.");
            }
        }

        if (pool is not null && marketId is not null
            && await PinnedMarketShare.ReadAsync(reader, grains, "marketShareArtifactId", marketId, pool.MarketCalcuttaId, pool.ExcludedEntryKey) is not null)
        {
            // A market_sampled field draws in proportion to the search's own pinned market.
            await fieldRequest.PinAsync(reader, grains, pool.MarketCalcuttaId, pool.ExcludedEntryKey, marketId);
        }

        if (reader.HasErrors || pool is null || tournament is null)
        {
            return Invalid(reader, name);
        }

        var teams = await OptimizerInputs.ReadTeamsAsync(grains, advancementId!, marketId!);
        var initial = await InitialBidsAsync(reader, grains, initialCandidateId, pool, teams);
        if (reader.HasErrors || initial is null)
        {
            return Invalid(reader, name);
        }

        var config = new ExperimentConfig(
            pool.Pinned, new DatasetRef(DatasetKinds.Tournament, tournament.TournamentId, tournament.Digest), advancementId!, marketId!,
            startingState!, pool.ExcludedEntryKey, sigma, pool.Rules, initialCandidateId, initial, masterSeed, search,
            fieldRequest.Model, fieldRequest.ParametersArtifactId);
        return new Plan(config, name, new Dictionary<string, string[]>());
    }

    private static Plan Invalid(RequestReader reader, string? name) =>
        new(null, name, reader.HasErrors ? reader.Errors : new Dictionary<string, string[]> { ["calcuttaId"] = ["The pool's tournament is missing."] });

    /// <summary>The pool to search in, pinned; the seat's key must not belong to an entry that stays in the field.</summary>
    private static async Task<PoolToSearch?> PoolAsync(
        RequestReader reader, IGrainFactory grains, string? calcuttaId, string? syntheticId, bool excludedGiven, string? excluded)
    {
        var version = await PoolVersions.CurrentAsync(reader, grains, calcuttaId, syntheticId);
        if (version is { SourceCalcuttaId: null })
        {
            reader.Error("syntheticCalcuttaId", $"Synthetic calcutta '{syntheticId}' was not copied from a real pool, so no market model predicts it.");
        }

        // A synthetic calcutta's own excluded entry holds unless the request names one (or null); a real pool has none.
        var pool = version is null ? null : new PoolToSearch(version.Pinned, version.TournamentId, version.SourceCalcuttaId ?? "",
            version.Rules, version.ScoringRules, [.. version.Entries.Select(e => e.EntryKey)], excludedGiven ? excluded : version.ExcludedEntryKey);
        if (pool?.ExcludedEntryKey is { } key && !pool.EntryKeys.Contains(key))
        {
            reader.Error("excludedEntryKey", $"The pool has no entry '{key}'.");
        }
        else if (pool is { ExcludedEntryKey: null } && pool.EntryKeys.Contains(ExperimentRuns.OwnSeatKey))
        {
            reader.Error("excludedEntryKey", $"The pool has an entry '{ExperimentRuns.OwnSeatKey}'; exclude it or another entry for the searched entry's seat.");
        }

        return pool;
    }

    private static async Task<IReadOnlyList<EntryBid>?> InitialBidsAsync(
        RequestReader reader, IGrainFactory grains, string? candidateId, PoolToSearch pool, IReadOnlyList<OptimizerTeam> teams)
    {
        var bounds = OptimizerInputs.Bounds(pool.Rules);
        if (candidateId is null)
        {
            // The optimizer is CPU work: off the calling grain's turn.
            if (await Task.Run(() => DpOptimizer.Optimize(teams, bounds)) is { } optimum)
            {
                return EntryProposer.Normalize(optimum.Bids.Select(b => new EntrantBid(b.TeamId, b.Bid))).ToEntryBids();
            }

            reader.Error("marketShareArtifactId", "No entry satisfies the pool's rules under these artifacts.");
            return null;
        }

        var candidate = await grains.GetGrain<ICandidateGrain>(candidateId).GetAsync();
        if (candidate is null)
        {
            reader.Error("initialCandidateId", $"Candidate '{candidateId}' does not exist.");
            return null;
        }

        var bids = EntryProposer.Normalize(candidate.Bids.Select(b => new EntrantBid(b.TeamId, b.BidPoints)));
        if (candidate.TournamentId != pool.TournamentId
            || bids.Select(b => b.TeamId).Distinct().Count() != bids.Count
            || !new EntryProposer(teams, bounds).IsValid(bids.ToDictionary(b => b.TeamId, b => b.BidPoints)))
        {
            reader.Error("initialCandidateId", $"Candidate '{candidateId}' does not obey the pool's rules or bids on teams outside its tournament.");
            return null;
        }

        return bids.ToEntryBids();
    }

    /// <summary>A whole number in range; <paramref name="fallback"/> when absent (none: required) or invalid (the error is recorded).</summary>
    private static long Whole(RequestReader reader, string field, long? fallback, long min, long max) =>
        reader.WholeNumber(field, min, max, required: fallback is null) ?? fallback ?? 0;

    /// <summary>
    /// Over a modeled field a field block's simulations share their opponents, so intervals are cluster-robust and rest
    /// on the number of blocks: every batch judged alone (screening, each evaluation sample, final) needs
    /// <see cref="ClusteredStatistics.MinimumClusters"/> of them for the normal approximation to hold.
    /// </summary>
    private static void RequireClusters(RequestReader reader, ExperimentSearchSettings search, string fieldModel)
    {
        const long minimum = ClusteredStatistics.MinimumClusters * FieldBlocks.SimulationsPerField;
        var (block, least) = (Text(FieldBlocks.SimulationsPerField), Text(minimum));
        var why = $"with fieldModel '{fieldModel}' the {block} simulations of a field block share their opponents, "
            + $"so intervals count field blocks, and the normal approximation needs at least {ClusteredStatistics.MinimumClusters} of them ({least} simulations)";
        if (search.ScreeningSims < minimum)
        {
            reader.Error("screeningSims", $"'screeningSims' must be at least {least}: {why}.");
        }

        if (search.EvaluationSims / search.EvaluationSamples < minimum)
        {
            reader.Error("evaluationSims", $"Each evaluation sample ('evaluationSims' / 'evaluationSamples') must have at least {least} simulations: {why}.");
        }

        if (search.FinalSims < minimum)
        {
            reader.Error("finalSims", $"'finalSims' must be at least {least}: {why}.");
        }
    }

    private static string Text(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Objective(RequestReader reader)
    {
        var objective = reader.OptionalString("objective") ?? ExperimentObjectives.ExpectedPayout;
        if (!ExperimentObjectives.IsKnown(objective))
        {
            reader.Error("objective", $"'objective' is one of {string.Join(", ", ExperimentObjectives.All.Select(o => $"'{o}'"))}.");
        }

        return objective;
    }

    /// <summary>λ of <c>risk_adjusted</c>: a finite number ≥ 0, given only with that objective (elsewhere it would mean nothing).</summary>
    private static double RiskAversion(RequestReader reader, string objective)
    {
        var node = reader.Node("riskAversion");
        if (node is null)
        {
            return 0;
        }

        if (!RequestReader.TryGetNumber(node, out var lambda) || !double.IsFinite(lambda) || lambda < 0)
        {
            reader.Error("riskAversion", "'riskAversion' must be a finite number of at least 0.");
            return 0;
        }

        if (objective != ExperimentObjectives.RiskAdjusted)
        {
            reader.Error("riskAversion", $"'riskAversion' applies only to objective '{ExperimentObjectives.RiskAdjusted}'.");
            return 0;
        }

        return lambda;
    }

    private static double Number(RequestReader reader, string field, double fallback, double min, double max)
    {
        var node = reader.Node(field);
        if (node is null)
        {
            return fallback;
        }

        if (!RequestReader.TryGetNumber(node, out var value) || !(value >= min && value <= max))
        {
            reader.Error(field, $"'{field}' must be a number from {min} to {max}.");
            return fallback;
        }

        return value;
    }

    private sealed record PoolToSearch(
        DatasetRef Pinned, string TournamentId, string MarketCalcuttaId, PoolRules Rules, IReadOnlyList<ScoringRule> ScoringRules,
        IReadOnlyList<string> EntryKeys, string? ExcludedEntryKey);
}

/// <summary>Bounds on an experiment's size; together they keep its event log under <see cref="ExperimentGrain.MaxEvents"/>.</summary>
public static class ExperimentLimits
{
    public const int MaxIterations = 500;
    public const int MaxCandidatesPerIteration = 32;
    public const int MaxEvaluationSamples = 16;
}
