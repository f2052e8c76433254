using LabSandbox.Engine.Tests.Experiments;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// The paired evaluator over field sources: the real source is exactly the old evaluator, and a modeled source gives
/// every variant the same fields and tournaments (common random numbers) — each variant's totals equal a fielded
/// simulation with that variant in the seat.
/// </summary>
public sealed class FieldedPairedEvaluatorTests
{
    private const ulong Seed = 20250320;

    private static IReadOnlyList<IReadOnlyList<EntrantBid>> Variants =>
        [ExperimentData.Excluded.Bids, ExperimentData.Entry("P001").Bids, ExperimentData.Entry("P075").Bids];

    [Fact]
    public void A_real_field_source_gives_exactly_the_old_constructors_totals()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var seat = ExperimentData.Excluded.EntryKey;
        var old = new PairedEvaluator(tournament, ExperimentData.Field, Variants, seat, pool.ScoringRules, pool.Payouts);
        var viaSource = new PairedEvaluator(tournament, new RealFieldSource(ExperimentData.Field), Variants, seat, pool.ScoringRules, pool.Payouts);
        var a = old.CreateTotals();
        var b = viaSource.CreateTotals();
        old.Run(Seed, 0, 4_000, a, CancellationToken.None);
        viaSource.Run(Seed, 0, 2_300, b, CancellationToken.None);
        viaSource.Run(Seed, 2_300, 1_700, b, CancellationToken.None);

        Assert.Equal(Describe(a), Describe(b));
    }

    [Fact]
    public void A_modeled_field_pairs_every_variant_on_the_same_fields_and_tournaments()
    {
        const long start = 500;
        const long count = 2_700; // fields 0..3, starting and ending inside a field
        var pool = FieldedData.Pool;
        var seat = FieldedData.Seat.EntryKey;
        var evaluator = new PairedEvaluator(FieldedData.Tournament, FieldedData.MarketSource(9), Variants, seat, pool.ScoringRules, pool.Payouts);
        var totals = evaluator.CreateTotals();
        evaluator.Run(Seed, start, 1_200, totals, CancellationToken.None);
        evaluator.Run(Seed, start + 1_200, count - 1_200, totals, CancellationToken.None);
        Assert.Equal(count, totals.Simulations);

        for (var v = 0; v < Variants.Count; v++)
        {
            var alone = new FieldedSimulation(
                FieldedData.Tournament, FieldedData.MarketSource(9), new PoolEntrant(seat, Variants[v]), pool.ScoringRules, pool.Payouts);
            var accumulator = alone.CreateAccumulator();
            alone.Run(Seed, start, count, accumulator);
            var index = alone.Shape.EntryKeys.IndexOf(seat);
            Assert.Equal(accumulator.PayoutCents[index], totals.PayoutCents[v]);
            Assert.Equal(accumulator.InTheMoney[index], totals.InTheMoney[v]);
            Assert.Equal(accumulator.PositionCounts[index * PoolModel.CountedPositions], totals.Firsts[v]);
        }

        Assert.Equal(totals.PayoutCents[1] - totals.PayoutCents[0], totals.DiffCents[1]);
        Assert.True(totals.PayoutCents.Distinct().Count() > 1);

        // Another field seed is another set of fields: the results move.
        var other = new PairedEvaluator(FieldedData.Tournament, FieldedData.MarketSource(10), Variants, seat, pool.ScoringRules, pool.Payouts);
        var otherTotals = other.CreateTotals();
        other.Run(Seed, start, count, otherTotals, CancellationToken.None);
        Assert.NotEqual(Describe(totals), Describe(otherTotals));
    }

    [Fact]
    public void A_seat_key_the_modeled_field_already_uses_is_refused()
    {
        var pool = FieldedData.Pool;
        var evaluator = new PairedEvaluator(FieldedData.Tournament, FieldedData.MarketSource(9), Variants, "M001", pool.ScoringRules, pool.Payouts);
        Assert.Throws<ArgumentException>(() => evaluator.Run(Seed, 0, 10, evaluator.CreateTotals(), CancellationToken.None));
    }

    private static string Describe(PairedTotals t) => string.Join(
        "|", t.Simulations, string.Join(",", t.PayoutCents), string.Join(",", t.PayoutSquares), string.Join(",", t.Firsts),
        string.Join(",", t.InTheMoney), string.Join(",", t.DiffCents), string.Join(",", t.DiffSquares));
}
