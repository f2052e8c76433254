using LabSandbox.Engine.Tests.Simulation;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>The real 2025 pool as an experiment sees it: the field without the Lab-excluded entry, and the teams the proposer draws from.</summary>
internal static class ExperimentData
{
    public const int Year = 2025;

    public static RealPool Pool => SimulationData.Pool(Year);

    public static CompiledBracket Bracket => SimulationData.Bracket(Year);

    /// <summary>The entry flagged <c>lab_excluded_entry</c> (exactly one in 2025).</summary>
    public static PoolEntrant Excluded => Pool.Entries.Single(e => e.EntryKey == Pool.ExcludedEntryKey);

    /// <summary>Every real entry but the excluded one.</summary>
    public static IReadOnlyList<PoolEntrant> Field => Pool.Entries.Where(e => e.EntryKey != Pool.ExcludedEntryKey).ToList();

    public static PoolEntrant Entry(string key) => Pool.Entries.Single(e => e.EntryKey == key);

    public static TournamentModel Tournament(StartingState state) =>
        TournamentModel.Create(Bracket, new KenPomLogisticModel(10), state);

    /// <summary>The pool's rules as the grains hand them to the optimizer.</summary>
    public static OptimizerBounds Bounds => OptimizerInputs.Bounds(Pool.Rules);

    /// <summary>
    /// Every team with its exact expected points under the pool's scoring (pre-tournament, σ = 10) and a naive market:
    /// share ∝ expected points, market points = share × budget × entries in the field.
    /// </summary>
    public static IReadOnlyList<OptimizerTeam> NaiveTeams()
    {
        var advancement = AdvancementCalculator.Compute(SimulationData.Tournament(Year), 10, StartingState.PreTournament, Pool.ScoringRules);
        var totalExpected = advancement.Teams.Sum(t => t.ExpectedPoints);
        double fieldBudget = Pool.Rules.BudgetPoints * Field.Count;
        return advancement.Teams
            .Select(t => new OptimizerTeam(t.TeamId, t.ExpectedPoints, t.ExpectedPoints / totalExpected * fieldBudget))
            .ToList();
    }

    public static IReadOnlyList<EntrantBid> Bids(params (string Team, int Bid)[] bids) =>
        bids.Select(b => new EntrantBid(b.Team, b.Bid)).ToList();
}
