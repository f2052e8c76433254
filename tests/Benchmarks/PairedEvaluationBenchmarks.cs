using BenchmarkDotNet.Attributes;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Benchmarks;

/// <summary>
/// An experiment's screening batch on the 2025 pool: 9 entry variants (an incumbent and 8 challengers) in the seat of
/// the Lab-excluded entry, each settled on the same simulated tournaments (post First Four). The reported time is per
/// variant-simulation: one tournament, the pool's scoring and standings for one variant, and the paired sums.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class PairedEvaluationBenchmarks
{
    private const int Simulations = 20_000;
    private const int Variants = 9;
    private const ulong Seed = 20251123;

    private PairedEvaluator _evaluator = null!;
    private PairedTotals _totals = null!;
    private long _invocation;

    [GlobalSetup]
    public void Setup()
    {
        var year = RealDataReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "data", "real", "2025.json"));
        var calcutta = year.Calcutta ?? throw new InvalidOperationException("2025.json has no calcutta.");
        var bracket = BracketCompiler.Compile(year.Tournament.ToBracketTournament());
        var tournament = TournamentModel.Create(bracket, new KenPomLogisticModel(Pool2025.Sigma), StartingState.PostFirstFour);
        var seat = calcutta.Entries.Single(e => e.IsLabExcluded);
        var field = calcutta.Entries.Where(e => e != seat).ToEntrants();

        // The variants: the seat's own bids and the bids of eight other entries, as challengers would differ.
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants = [seat.Bids.ToEntrantBids(), .. field.Take(Variants - 1).Select(e => e.Bids)];
        _evaluator = new PairedEvaluator(
            tournament, field, variants, seat.EntryKey, calcutta.ScoringRules.ToRoundPoints(), calcutta.Payouts.ToPositionPrizes());
        _totals = _evaluator.CreateTotals();
    }

    [Benchmark(OperationsPerInvoke = Simulations * Variants)]
    public long PairedVariantSimulations2025()
    {
        _evaluator.Run(Seed, _invocation++ * Simulations, Simulations, _totals, CancellationToken.None);
        return _totals.Simulations;
    }
}
