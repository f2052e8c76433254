using LabSandbox.Engine.Tests.Simulation;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Experiments;

/// <summary>
/// Challengers proposed around real 2025 entries, with exact expected points and a naive market: every one obeys
/// the pool's rules, none repeats, and the same (incumbent, seed) always gives the same batch.
/// </summary>
public sealed class EntryProposerTests
{
    private const int BatchSize = 16;

    private static readonly Lazy<IReadOnlyList<OptimizerTeam>> Teams = new(ExperimentData.NaiveTeams);

    private static readonly string[] Moves =
        [ProposalMoves.Shift, ProposalMoves.Swap, ProposalMoves.Add, ProposalMoves.Drop, ProposalMoves.PerturbedOptimum];

    /// <summary>Incumbents: 10 teams (the excluded entry, at the team cap), 6 teams, 3 teams (at the team floor).</summary>
    public static TheoryData<string, long> Cases()
    {
        var data = new TheoryData<string, long>();
        foreach (var key in new[] { "P005", "P006", "P075" })
        {
            foreach (var seed in new long[] { 0, 1, 20250320, -99 })
            {
                data.Add(key, seed);
            }
        }

        return data;
    }

    [Fact]
    public void The_inputs_are_the_real_pool_and_teams()
    {
        var bounds = ExperimentData.Bounds;
        Assert.Equal(new OptimizerBounds(Budget: 100, MinTeams: 3, MaxTeams: 10, MinBid: 1, MaxBid: 50), bounds);
        Assert.Equal(68, Teams.Value.Count);
        Assert.All(Teams.Value, t => Assert.True(t.ExpectedPoints >= 0 && t.MarketPoints >= 0));
        Assert.Equal(100.0 * ExperimentData.Field.Count, Teams.Value.Sum(t => t.MarketPoints), 6);
        Assert.Equal("P005", ExperimentData.Excluded.EntryKey);
        Assert.Equal(10, ExperimentData.Entry("P005").Bids.Count);
        Assert.Equal(6, ExperimentData.Entry("P006").Bids.Count);
        Assert.Equal(3, ExperimentData.Entry("P075").Bids.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_challenger_obeys_the_rules_and_is_new(string incumbentKey, long seed)
    {
        var incumbent = ExperimentData.Entry(incumbentKey).Bids;
        var proposer = new EntryProposer(Teams.Value, ExperimentData.Bounds);

        var batch = proposer.Propose(incumbent, BatchSize, seed);

        Assert.Equal(BatchSize, batch.Count);
        var known = SimulationData.Tournament(ExperimentData.Year).Teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var signatures = new HashSet<string>(StringComparer.Ordinal) { Signature(incumbent) };
        foreach (var challenger in batch)
        {
            var bids = challenger.Bids;
            Assert.Contains(challenger.Move, Moves);
            Assert.InRange(bids.Count, 3, 10);
            Assert.All(bids, b => Assert.InRange(b.BidPoints, 1, 50));
            Assert.InRange(bids.Sum(b => b.BidPoints), 1, 100);
            Assert.Equal(bids.Sum(b => b.BidPoints), challenger.Spend);
            Assert.Equal(bids.Count, bids.Select(b => b.TeamId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(bids, b => Assert.Contains(b.TeamId, known));
            Assert.Equal(bids.OrderBy(b => b.TeamId, StringComparer.Ordinal).Select(b => b.TeamId), bids.Select(b => b.TeamId));

            // Neither the incumbent (in any order) nor an earlier challenger.
            Assert.True(signatures.Add(Signature(bids)), $"{challenger.Move} repeats {Signature(bids)}");
            AssertMoveShape(incumbent, challenger);
        }
    }

    [Theory]
    [InlineData("P005")]
    [InlineData("P006")]
    [InlineData("P075")]
    public void The_same_incumbent_and_seed_give_the_same_batch(string incumbentKey)
    {
        var incumbent = ExperimentData.Entry(incumbentKey).Bids;

        // Two proposers (two silos), and the incumbent's bids in reverse order for the second.
        var first = new EntryProposer(Teams.Value, ExperimentData.Bounds).Propose(incumbent, BatchSize, 123);
        var again = new EntryProposer(Teams.Value.Reverse().ToList(), ExperimentData.Bounds).Propose(incumbent.Reverse().ToList(), BatchSize, 123);
        var other = new EntryProposer(Teams.Value, ExperimentData.Bounds).Propose(incumbent, BatchSize, 124);

        Assert.Equal(Describe(first), Describe(again));
        Assert.NotEqual(Describe(first), Describe(other));
    }

    [Fact]
    public void Every_kind_of_move_is_proposed_over_a_few_seeds()
    {
        // A 6-team incumbent can grow and shrink, so every move is possible.
        var incumbent = ExperimentData.Entry("P006").Bids;
        var proposer = new EntryProposer(Teams.Value, ExperimentData.Bounds);

        var moves = Enumerable.Range(0, 8).SelectMany(seed => proposer.Propose(incumbent, BatchSize, seed)).GroupBy(c => c.Move)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(Moves.Order(StringComparer.Ordinal), moves.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void At_the_team_cap_nothing_is_added_and_at_the_floor_nothing_is_dropped()
    {
        var proposer = new EntryProposer(Teams.Value, ExperimentData.Bounds);

        var fromCap = Enumerable.Range(0, 6).SelectMany(s => proposer.Propose(ExperimentData.Entry("P005").Bids, BatchSize, s)).ToList();
        var fromFloor = Enumerable.Range(0, 6).SelectMany(s => proposer.Propose(ExperimentData.Entry("P075").Bids, BatchSize, s)).ToList();

        Assert.DoesNotContain(fromCap, c => c.Move == ProposalMoves.Add);
        Assert.All(fromCap, c => Assert.True(c.Bids.Count <= 10));
        Assert.DoesNotContain(fromFloor, c => c.Move == ProposalMoves.Drop);
        Assert.All(fromFloor, c => Assert.True(c.Bids.Count >= 3));
    }

    /// <summary>What each move's description promises about the challenger relative to the incumbent.</summary>
    private static void AssertMoveShape(IReadOnlyList<EntrantBid> incumbent, ProposedEntry challenger)
    {
        var before = incumbent.ToDictionary(b => b.TeamId, b => b.BidPoints, StringComparer.Ordinal);
        var after = challenger.Bids.ToDictionary(b => b.TeamId, b => b.BidPoints, StringComparer.Ordinal);
        var added = after.Keys.Except(before.Keys).ToList();
        var removed = before.Keys.Except(after.Keys).ToList();
        var spendBefore = before.Values.Sum();
        var context = $"{challenger.Move}: {Signature(incumbent)} → {Signature(challenger.Bids)}";
        switch (challenger.Move)
        {
            case ProposalMoves.Shift:
                // Points move between held teams: same teams, same spend.
                Assert.True(added.Count == 0 && removed.Count == 0, context);
                Assert.True(after.Values.Sum() == spendBefore, context);
                break;
            case ProposalMoves.Swap:
                // One held team is replaced by an unheld one at the same bid; every other bid is unchanged.
                Assert.True(added.Count == 1 && removed.Count == 1, context);
                Assert.True(after[added[0]] == before[removed[0]], context);
                Assert.True(after.Where(kv => kv.Key != added[0]).All(kv => before[kv.Key] == kv.Value), context);
                break;
            case ProposalMoves.Add:
                // One more team at a small bid, paid from unspent budget and then by lowering bids.
                Assert.True(added.Count == 1 && removed.Count == 0, context);
                Assert.True(after[added[0]] >= 1 && after[added[0]] <= 10, context);
                Assert.True(before.All(kv => after[kv.Key] <= kv.Value), context);
                break;
            case ProposalMoves.Drop:
                // One team fewer; its points go to one other held team (as far as the cap allows).
                Assert.True(added.Count == 0 && removed.Count == 1, context);
                var raised = after.Where(kv => kv.Value != before[kv.Key]).ToList();
                Assert.True(raised.Count <= 1 && raised.All(kv => kv.Value > before[kv.Key] && kv.Value <= 50), context);
                Assert.True(after.Values.Sum() <= spendBefore, context);
                break;
            case ProposalMoves.PerturbedOptimum:
                break;
            default:
                Assert.Fail($"unknown move {challenger.Move}");
                break;
        }
    }

    private static string Signature(IEnumerable<EntrantBid> bids) =>
        string.Join(',', bids.OrderBy(b => b.TeamId, StringComparer.Ordinal).Select(b => $"{b.TeamId}:{b.BidPoints}"));

    private static List<string> Describe(IReadOnlyList<ProposedEntry> batch) =>
        batch.Select(c => $"{c.Move} {string.Join(',', c.Bids.Select(b => $"{b.TeamId}:{b.BidPoints}"))}").ToList();
}
