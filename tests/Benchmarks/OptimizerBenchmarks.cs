using BenchmarkDotNet.Attributes;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Benchmarks;

/// <summary>
/// One dp-v1 optimization over the real 2025 pool: exact expected points (σ 10, pre-tournament), naive_ev
/// market points for the field without the Lab-excluded entry, and the pool's rules (3–10 teams, bids
/// 1–50, budget 100) — the work of one strategy_generation run.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class OptimizerBenchmarks
{
    private OptimizerTeam[] _teams = null!;
    private OptimizerBounds _bounds = null!;

    [GlobalSetup]
    public void Setup()
    {
        var year = RealDataReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "real", "2025.json"));
        var pool = year.Calcutta ?? throw new InvalidOperationException("2025.json has no calcutta.");
        var expected = AdvancementCalculator.Compute(
                year.Tournament.ToBracketTournament(), Pool2025.Sigma, StartingState.PreTournament, pool.ScoringRules.ToRoundPoints())
            .Teams.ToDictionary(t => t.TeamId, t => t.ExpectedPoints);
        var market = MarketShareModels.MarketPoints(MarketShareModels.NaiveEvShares(expected), pool.Rules.BudgetPoints, pool.Entries.Count - 1);
        _teams = expected.Select(e => new OptimizerTeam(e.Key, e.Value, market[e.Key])).ToArray();
        _bounds = OptimizerInputs.Bounds(pool.Rules);
    }

    [Benchmark]
    public Allocation? DpV1Pool2025() => DpOptimizer.Optimize(_teams, _bounds);
}
