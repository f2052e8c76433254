using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary><see cref="SimulationKernel.Settle"/> one simulation at a time against the kernel's own <see cref="SimulationKernel.Run"/>.</summary>
public sealed class SettleTests
{
    private const ulong Seed = 77_2025;
    private const int Simulations = 2_000;

    public static TheoryData<int> States => new() { 0, 4 };

    [Theory]
    [MemberData(nameof(States))]
    public void Settling_every_simulation_for_every_entry_adds_up_to_the_run(int lockedThroughRound)
    {
        var state = lockedThroughRound == 0 ? StartingState.PreTournament : StartingState.ThroughRound(lockedThroughRound);
        var pool = ExperimentData.Pool;
        CheckAgainstRun(ExperimentData.Tournament(state), pool.Entries, pool.Payouts);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(47)]
    public void An_entry_outside_the_pool_is_refused(int entry)
    {
        var pool = ExperimentData.Pool;
        var kernel = new SimulationKernel(ExperimentData.Tournament(StartingState.PreTournament),
            PoolModel.Create(ExperimentData.Bracket, pool.Entries, pool.ScoringRules, pool.Payouts));
        Assert.Equal(47, kernel.Pool.EntryCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.Settle(Seed, 0, entry));
    }

    [Fact]
    public void Settling_the_tournament_another_kernel_played_equals_playing_it_again()
    {
        var pool = ExperimentData.Pool;
        var tournament = ExperimentData.Tournament(StartingState.PostFirstFour);
        var player = new SimulationKernel(tournament, PoolModel.Create(ExperimentData.Bracket, ExperimentData.Field, pool.ScoringRules, pool.Payouts));
        var settler = new SimulationKernel(tournament, PoolModel.Create(ExperimentData.Bracket, pool.Entries, pool.ScoringRules, pool.Payouts));
        var reference = new SimulationKernel(tournament, PoolModel.Create(ExperimentData.Bracket, pool.Entries, pool.ScoringRules, pool.Payouts));
        var paid = 0;
        for (var i = 0L; i < 500; i++)
        {
            for (var entry = 0; entry < settler.Pool.EntryCount; entry++)
            {
                player.Settle(Seed, i, 0);
                var same = settler.SettleSame(player, entry);
                Assert.Equal(reference.Settle(Seed, i, entry), same);
                paid += same.PayoutCents > 0 ? 1 : 0;
            }
        }

        Assert.True(paid > 0, "nobody was ever paid: the comparison would be vacuous.");
        var otherModel = new SimulationKernel(ExperimentData.Tournament(StartingState.PostFirstFour), settler.Pool);
        Assert.Throws<ArgumentException>(() => settler.SettleSame(otherModel, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => settler.SettleSame(player, settler.Pool.EntryCount));
    }

    [Fact]
    public void Tied_twins_are_settled_like_the_run_settles_them()
    {
        // A twin of the excluded entry (same bids, another key) ties with it in every simulation: the pooled prizes are split.
        var pool = ExperimentData.Pool;
        var excluded = ExperimentData.Excluded;
        PoolEntrant twin = new("P005-twin", excluded.Bids);
        IReadOnlyList<PoolEntrant> entries = [.. pool.Entries, twin];
        var (kernel, settled) = CheckAgainstRun(ExperimentData.Tournament(StartingState.PreTournament), entries, pool.Payouts);

        var a = kernel.Pool.EntryKeys.IndexOf(excluded.EntryKey);
        var b = kernel.Pool.EntryKeys.IndexOf(twin.EntryKey);
        Assert.Equal(settled[a], settled[b]);
        Assert.True(settled[a].Any(s => s.PayoutCents > 0), "the twins were never paid: the tie check would be vacuous.");
    }

    [Fact]
    public void Kernels_over_different_pools_settle_the_same_tournament()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        var whole = new SimulationKernel(tournament, PoolModel.Create(tournament.Bracket, pool.Entries, pool.ScoringRules, pool.Payouts));
        var small = new SimulationKernel(tournament, PoolModel.Create(
            tournament.Bracket, [ExperimentData.Entry("P075"), ExperimentData.Entry("P006")], pool.ScoringRules, [new PositionPrize(1, 100)]));
        var counts = new long[tournament.Bracket.TeamIds.Length * SimulationAccumulator.ProgressLevels];

        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < 300; i++)
        {
            whole.Settle(Seed, i, 0);
            small.Settle(Seed, 299 - i, 1);
            small.Settle(Seed, i, 1);
            Assert.Equal(whole.LastProgress.ToArray(), small.LastProgress.ToArray());

            // ... and it is the tournament the tournaments-only path plays for that index.
            Array.Clear(counts);
            small.RunTournaments(Seed, i, 1, counts);
            var progress = whole.LastProgress.ToArray();
            for (var t = 0; t < progress.Length; t++)
            {
                Assert.Equal(1, counts[(t * SimulationAccumulator.ProgressLevels) + progress[t]]);
            }

            distinct.Add(Convert.ToHexString(progress));
        }

        Assert.True(distinct.Count > 250, "the simulations should mostly be different tournaments.");
    }

    [Fact]
    public void Settling_between_chunks_of_a_run_changes_nothing_in_the_run()
    {
        var tournament = ExperimentData.Tournament(StartingState.PreTournament);
        var pool = ExperimentData.Pool;
        SimulationKernel Kernel() => new(tournament, PoolModel.Create(tournament.Bracket, pool.Entries, pool.ScoringRules, pool.Payouts));

        var fresh = Kernel();
        var expected = fresh.CreateAccumulator();
        fresh.Run(Seed, 0, Simulations, expected);

        var mixed = Kernel();
        var first = mixed.CreateAccumulator();
        var second = mixed.CreateAccumulator();
        mixed.Run(Seed, 0, 999, first);
        for (long i = 0; i < 100; i++)
        {
            mixed.Settle(Seed + 5, i * 13, (int)(i % mixed.Pool.EntryCount));
        }

        mixed.Run(Seed, 999, Simulations - 999, second);
        first.Merge(second);

        Assert.Equal(expected.ToCanonicalBytes(), first.ToCanonicalBytes());
    }

    /// <summary>
    /// Settles every (simulation, entry) on one kernel, in a scrambled simulation order, and compares with a run on
    /// another kernel: payout sums, in-the-money counts and position counts per entry, and the whole prize paid per
    /// simulation.
    /// </summary>
    private static (SimulationKernel Kernel, (long PayoutCents, int Position)[][] Settled) CheckAgainstRun(
        TournamentModel tournament, IReadOnlyList<PoolEntrant> entries, IReadOnlyList<PositionPrize> payouts)
    {
        var pool = ExperimentData.Pool;
        var model = PoolModel.Create(tournament.Bracket, entries, pool.ScoringRules, payouts);
        var runner = new SimulationKernel(tournament, model);
        var run = runner.CreateAccumulator();
        runner.Run(Seed, 0, Simulations, run);

        var settler = new SimulationKernel(tournament, PoolModel.Create(tournament.Bracket, entries, pool.ScoringRules, payouts));
        var entryCount = model.EntryCount;
        var settled = new (long PayoutCents, int Position)[entryCount][];
        for (var e = 0; e < entryCount; e++)
        {
            settled[e] = new (long, int)[Simulations];
        }

        // Simulations in a scrambled order (a multiplier coprime to n): Settle must depend on (seed, index) only.
        for (var k = 0; k < Simulations; k++)
        {
            var i = (k * 7919L) % Simulations;
            for (var e = 0; e < entryCount; e++)
            {
                settled[e][i] = settler.Settle(Seed, i, e);
            }
        }

        var prize = payouts.Sum(p => p.AmountCents);
        for (var i = 0; i < Simulations; i++)
        {
            Assert.Equal(prize, settled.Sum(s => s[i].PayoutCents));
        }

        for (var e = 0; e < entryCount; e++)
        {
            Assert.Equal(run.PayoutCents[e], settled[e].Sum(s => s.PayoutCents));
            Assert.Equal(run.InTheMoney[e], settled[e].Count(s => s.PayoutCents > 0));
            for (var p = 1; p <= PoolModel.CountedPositions; p++)
            {
                Assert.Equal(run.PositionCounts[(e * PoolModel.CountedPositions) + p - 1], settled[e].Count(s => s.Position == p));
            }

            // A paid entry always has a position; an entry settled below the ranked positions is unpaid.
            Assert.All(settled[e], s => Assert.True(s.PayoutCents == 0 || s.Position >= 1));
        }

        return (settler, settled);
    }
}
