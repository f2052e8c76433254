using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>
/// The paired evaluator against the existing kernel: each variant's totals must be exactly what a plain
/// <see cref="SimulationKernel.Run"/> over (field + that variant) gives for the seat, and the paired
/// differences exactly what simulation-by-simulation settling gives.
/// </summary>
public sealed class PairedEvaluatorTests
{
    private const ulong Seed = 20250320;
    private const int Simulations = 5_000;

    /// <summary>The seat keeps the excluded entry's key, so it sorts into the middle of the field, not at an end.</summary>
    private static string SeatKey => ExperimentData.Excluded.EntryKey;

    /// <summary>Variant 0: the excluded entry's own bids; then two other real, valid entries' bids (8 teams; 3 teams).</summary>
    private static IReadOnlyList<IReadOnlyList<EntrantBid>> Variants =>
        [ExperimentData.Excluded.Bids, ExperimentData.Entry("P001").Bids, ExperimentData.Entry("P075").Bids];

    [Fact]
    public void Each_variants_totals_equal_a_plain_kernel_run_of_the_field_plus_that_variant()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var field = ExperimentData.Field;
        Assert.Equal(pool.Entries.Count - 1, field.Count);
        Assert.DoesNotContain(field, e => e.EntryKey == SeatKey);

        var evaluator = new PairedEvaluator(tournament, field, Variants, SeatKey, pool.ScoringRules, pool.Payouts);
        var totals = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, Simulations, totals, CancellationToken.None);

        Assert.Equal(3, evaluator.Variants);
        Assert.Equal(Simulations, totals.Simulations);

        // The seat's index, found here independently: its rank among all keys in ordinal order.
        var keys = field.Select(e => e.EntryKey).Append(SeatKey).Order(StringComparer.Ordinal).ToList();
        var seat = keys.IndexOf(SeatKey);
        Assert.InRange(seat, 1, keys.Count - 2);

        var independent = new SimulationAccumulator[Variants.Count];
        for (var v = 0; v < Variants.Count; v++)
        {
            var model = PoolModel.Create(tournament.Bracket, [.. field, new PoolEntrant(SeatKey, Variants[v])], pool.ScoringRules, pool.Payouts);
            Assert.Equal(keys, model.EntryKeys.ToList());
            var kernel = new SimulationKernel(tournament, model);
            var accumulator = kernel.CreateAccumulator();
            kernel.Run(Seed, 0, Simulations, accumulator);
            independent[v] = accumulator;

            Assert.Equal(accumulator.PayoutCents[seat], totals.PayoutCents[v]);
            Assert.Equal(accumulator.InTheMoney[seat], totals.InTheMoney[v]);
            Assert.Equal(accumulator.PositionCounts[seat * PoolModel.CountedPositions], totals.Firsts[v]);
        }

        // Not vacuous: every variant is paid in some simulations, and the variants are not all paid alike.
        Assert.All(totals.PayoutCents, p => Assert.True(p > 0));
        Assert.All(totals.Firsts, f => Assert.True(f > 0));
        Assert.True(totals.PayoutCents.Distinct().Count() > 1);

        for (var v = 0; v < Variants.Count; v++)
        {
            Assert.Equal(independent[v].PayoutCents[seat] - independent[0].PayoutCents[seat], totals.DiffCents[v]);
        }

        Assert.Equal(0, totals.DiffCents[0]);
        Assert.Equal(Int128.Zero, totals.DiffSquares[0]);
    }

    [Fact]
    public void Squares_and_paired_difference_squares_equal_simulation_by_simulation_settling()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var field = ExperimentData.Field;

        var evaluator = new PairedEvaluator(tournament, field, Variants, SeatKey, pool.ScoringRules, pool.Payouts);
        var totals = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, Simulations, totals, CancellationToken.None);

        // Fresh kernels, one per variant, settled one simulation at a time.
        var kernels = new SimulationKernel[Variants.Count];
        var seats = new int[Variants.Count];
        for (var v = 0; v < Variants.Count; v++)
        {
            var model = PoolModel.Create(tournament.Bracket, [.. field, new PoolEntrant(SeatKey, Variants[v])], pool.ScoringRules, pool.Payouts);
            kernels[v] = new SimulationKernel(tournament, model);
            seats[v] = model.EntryKeys.IndexOf(SeatKey);
        }

        var payoutSum = new long[Variants.Count];
        var payoutSquares = new Int128[Variants.Count];
        var diffSum = new long[Variants.Count];
        var diffSquares = new Int128[Variants.Count];
        var payout = new long[Variants.Count];
        var differing = 0;
        for (long i = 0; i < Simulations; i++)
        {
            for (var v = 0; v < Variants.Count; v++)
            {
                payout[v] = kernels[v].Settle(Seed, i, seats[v]).PayoutCents;
                payoutSum[v] += payout[v];
                payoutSquares[v] += (Int128)payout[v] * payout[v];
            }

            for (var v = 0; v < Variants.Count; v++)
            {
                var diff = payout[v] - payout[0];
                diffSum[v] += diff;
                diffSquares[v] += (Int128)diff * diff;
            }

            differing += payout[1] != payout[0] ? 1 : 0;
        }

        Assert.True(differing > 0, "variants 0 and 1 were never paid differently: the check would be vacuous.");
        Assert.Equal(payoutSum, totals.PayoutCents);
        Assert.Equal(payoutSquares, totals.PayoutSquares);
        Assert.Equal(diffSum, totals.DiffCents);
        Assert.Equal(diffSquares, totals.DiffSquares);
    }

    [Fact]
    public void Identical_variants_are_paid_identically_on_every_simulation()
    {
        // Common random numbers: the same bids in two variants see the same tournaments, so every paired difference is 0.
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants = [ExperimentData.Excluded.Bids, ExperimentData.Excluded.Bids];

        var evaluator = new PairedEvaluator(tournament, ExperimentData.Field, variants, SeatKey, pool.ScoringRules, pool.Payouts);
        var totals = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, 2_000, totals, CancellationToken.None);

        Assert.True(totals.PayoutCents[0] > 0);
        Assert.Equal(totals.PayoutCents[0], totals.PayoutCents[1]);
        Assert.Equal(totals.PayoutSquares[0], totals.PayoutSquares[1]);
        Assert.Equal(0, totals.DiffCents[1]);
        Assert.Equal(Int128.Zero, totals.DiffSquares[1]);
    }

    [Fact]
    public void A_small_change_has_a_paired_variance_far_below_the_payout_variance()
    {
        // The excluded entry with 2 points moved between two of its teams: the same tournaments pay both almost alike.
        var incumbent = ExperimentData.Excluded.Bids;
        var nudged = incumbent.Select((b, i) => b with { BidPoints = b.BidPoints + (i == 0 ? -2 : i == 1 ? 2 : 0) }).ToList();
        Assert.Equal(incumbent.Sum(b => b.BidPoints), nudged.Sum(b => b.BidPoints));
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;

        var evaluator = new PairedEvaluator(tournament, ExperimentData.Field, [incumbent, nudged], SeatKey, pool.ScoringRules, pool.Payouts);
        var totals = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, Simulations, totals, CancellationToken.None);

        double Variance(long total, Int128 squares) =>
            ((double)squares - ((double)total * total / Simulations)) / (Simulations - 1);
        var payoutVariance = Variance(totals.PayoutCents[1], totals.PayoutSquares[1]);
        var gainVariance = Variance(totals.DiffCents[1], totals.DiffSquares[1]);

        Assert.True(gainVariance > 0, "the nudge never changed a payout: the check would be vacuous.");
        Assert.True(gainVariance < payoutVariance / 10, $"paired variance {gainVariance:E3} vs payout variance {payoutVariance:E3}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_234)]
    [InlineData(4_096)]
    [InlineData(4_999)]
    public void Totals_of_two_chunks_merge_to_the_totals_of_one_run(int k)
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var evaluator = new PairedEvaluator(tournament, ExperimentData.Field, Variants, SeatKey, pool.ScoringRules, pool.Payouts);

        var whole = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, Simulations, whole, CancellationToken.None);

        // The chunks run on a second evaluator (a second silo), later chunk first: order and instance must not matter.
        var other = new PairedEvaluator(tournament, ExperimentData.Field, Variants, SeatKey, pool.ScoringRules, pool.Payouts);
        var first = other.CreateTotals();
        var second = other.CreateTotals();
        other.Run(Seed, k, Simulations - k, second, CancellationToken.None);
        evaluator.Run(Seed, 0, k, first, CancellationToken.None);
        first.Add(second);

        AssertSameTotals(whole, first);
    }

    [Fact]
    public void A_different_seed_gives_different_totals()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var evaluator = new PairedEvaluator(tournament, ExperimentData.Field, Variants, SeatKey, pool.ScoringRules, pool.Payouts);

        var a = evaluator.CreateTotals();
        var b = evaluator.CreateTotals();
        evaluator.Run(Seed, 0, Simulations, a, CancellationToken.None);
        evaluator.Run(Seed + 1, 0, Simulations, b, CancellationToken.None);

        Assert.Equal(a.Simulations, b.Simulations);
        Assert.NotEqual(a.PayoutCents, b.PayoutCents);
        Assert.NotEqual(a.DiffSquares, b.DiffSquares);
    }

    [Fact]
    public void The_seat_must_not_already_be_in_the_field_and_there_must_be_a_variant()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;

        Assert.Throws<ArgumentException>(() =>
            new PairedEvaluator(tournament, pool.Entries, Variants, SeatKey, pool.ScoringRules, pool.Payouts));
        Assert.ThrowsAny<ArgumentException>(() =>
            new PairedEvaluator(tournament, ExperimentData.Field, [], SeatKey, pool.ScoringRules, pool.Payouts));
    }

    [Fact]
    public void Totals_of_different_variant_counts_do_not_merge()
    {
        var two = new PairedTotals(2);
        Assert.Throws<ArgumentException>(() => two.Add(new PairedTotals(3)));
        Assert.ThrowsAny<ArgumentException>(() => new PairedTotals(0));
    }

    private static void AssertSameTotals(PairedTotals expected, PairedTotals actual)
    {
        Assert.Equal(expected.Simulations, actual.Simulations);
        Assert.Equal(expected.PayoutCents, actual.PayoutCents);
        Assert.Equal(expected.PayoutSquares, actual.PayoutSquares);
        Assert.Equal(expected.Firsts, actual.Firsts);
        Assert.Equal(expected.InTheMoney, actual.InTheMoney);
        Assert.Equal(expected.DiffCents, actual.DiffCents);
        Assert.Equal(expected.DiffSquares, actual.DiffSquares);
        for (var v = 0; v < expected.Variants; v++)
        {
            Assert.Equal(expected.Paired(v), actual.Paired(v)); // the objectives' sums: powers, cross-moments, discordant counts
        }
    }
}
