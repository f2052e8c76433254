using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// The "Pool evaluation" cases of optimizer-cases.md on the real 2025 bracket, every game but the final
/// locked. Scoring 30, 20, 50, 100, 0, 0, 0 by win index makes points(progress) 30, 50, 100, 200 for
/// progress 1..4 (and 200 beyond), so the open final changes no one's points and teams that really ended
/// at those levels score the cases' team points.
/// </summary>
public sealed class PoolEvaluationTests
{
    // Real 2025 results: Bryant lost in the round of 64, Baylor in the round of 32, Arizona in the Sweet 16, Alabama in the Elite 8.
    private const string D = "bryant";
    private const string B = "baylor";
    private const string A = "arizona";
    private const string C = "alabama";

    private static readonly IReadOnlyList<RoundPoints> Scoring =
        [new(1, 30), new(2, 20), new(3, 50), new(4, 100), new(5, 0), new(6, 0), new(7, 0)];

    private static readonly IReadOnlyList<PositionPrize> Payouts = [new(1, 1000), new(2, 500)];

    [Fact]
    public void The_chosen_teams_really_ended_at_the_needed_levels()
    {
        var teams = SimulationData.Tournament(2025).Teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        Assert.Equal([1, 2, 3, 4], new[] { D, B, A, C }.Select(id => teams[id].Progress));
    }

    [Fact]
    public void Bids_60_and_40_on_a_team_scoring_100_give_60_and_40_points()
    {
        var points = MeanPoints([Entry("X", (A, 60)), Entry("Y", (A, 40))]);

        Assert.Equal(60.0, points["X"], 4);
        Assert.Equal(40.0, points["Y"], 4);
    }

    [Fact]
    public void Alice_Bob_and_Carol_share_exactly_the_owned_team_points()
    {
        var points = MeanPoints(
        [
            Entry("alice", (A, 60), (C, 30)),
            Entry("bob", (A, 40), (B, 100)),
            Entry("carol", (C, 70), (D, 100)),
        ]);

        // A 100 · 0.6 + C 200 · 0.3; A 100 · 0.4 + B 50; C 200 · 0.7 + D 30.
        Assert.Equal(120.0, points["alice"], 4);
        Assert.Equal(90.0, points["bob"], 4);
        Assert.Equal(170.0, points["carol"], 4);
        Assert.Equal(380.0, points.Values.Sum(), 4);
    }

    [Fact]
    public void A_team_nobody_bid_on_scores_for_nobody()
    {
        // Only Arizona is owned; the field earns 64·30 + 32·20 + 16·50 + 8·100 = 4,160 points under this scoring.
        var points = MeanPoints([Entry("X", (A, 60)), Entry("Y", (A, 40))]);

        Assert.Equal(100.0, points.Values.Sum(), 4);
        Assert.True(points.Values.Sum() < 4160);
    }

    [Fact]
    public void The_winner_of_the_zero_sum_case_takes_first_prize()
    {
        var (kernel, totals) = RunFinal(
        [
            Entry("alice", (A, 60), (C, 30)),
            Entry("bob", (A, 40), (B, 100)),
            Entry("carol", (C, 70), (D, 100)),
        ]);

        Assert.Equal(["alice", "bob", "carol"], kernel.Pool.EntryKeys.ToArray());
        // Two simulations of the same final outcome: carol 170 (1st), alice 120 (2nd), bob 90 (3rd) each time.
        Assert.Equal([1000L, 0, 2000], totals.PayoutCents);
        Assert.Equal([0L, 2, 0, 0, 0, 0, 0, 0, 0, 0], totals.PositionCounts.AsSpan(0, 10).ToArray());
        Assert.Equal(2, totals.PositionCounts[(2 * 10) + 0]);
        Assert.Equal(2, totals.PositionCounts[(1 * 10) + 2]);
    }

    private static PoolEntrant Entry(string key, params (string Team, int Bid)[] bids) =>
        new(key, bids.Select(b => new EntrantBid(b.Team, b.Bid)).ToList());

    private static Dictionary<string, double> MeanPoints(IReadOnlyList<PoolEntrant> entries)
    {
        var (kernel, totals) = RunFinal(entries);
        return SimulationMetrics.From(totals, kernel.Pool).Entries.ToDictionary(m => m.EntryKey, m => m.MeanPoints, StringComparer.Ordinal);
    }

    private static (SimulationKernel Kernel, SimulationAccumulator Totals) RunFinal(IReadOnlyList<PoolEntrant> entries)
    {
        CompiledBracket bracket = SimulationData.Bracket(2025);
        var tournament = TournamentModel.Create(bracket, new KenPomLogisticModel(), StartingState.ThroughRound(6));
        var kernel = new SimulationKernel(tournament, PoolModel.Create(bracket, entries, Scoring, Payouts));
        var totals = kernel.CreateAccumulator();
        kernel.Run(3, 0, 2, totals);
        Assert.Equal(2, totals.Simulations);
        return (kernel, totals);
    }
}
