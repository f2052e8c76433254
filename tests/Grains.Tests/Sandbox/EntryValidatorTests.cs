using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Sandbox;

namespace LabSandbox.Grains.Tests.Sandbox;

/// <summary>One clear problem per rule an entry, the pool rules or the payouts break (no cluster needed).</summary>
public sealed class EntryValidatorTests
{
    private static readonly PoolRules Rules = SandboxRecords.Rules;

    private static readonly IReadOnlySet<string> Teams =
        Enumerable.Range(1, 12).Select(Team).ToHashSet(StringComparer.Ordinal);

    private static string Team(int i) => $"team-{i:D2}";

    private static EntryBid[] Bids(params int[] points) => points.Select((p, i) => new EntryBid(Team(i + 1), p)).ToArray();

    [Fact]
    public void A_valid_entry_has_no_problems()
    {
        Assert.Empty(EntryValidator.Problems(Bids(50, 25, 25), Rules, Teams));
        Assert.Empty(EntryValidator.Problems(Bids(10, 10, 10, 10, 10, 10, 10, 10, 10, 10), Rules, Teams));
        Assert.Empty(EntryValidator.Problems(Bids(1, 1, 1), Rules, Teams));
    }

    [Fact]
    public void Eleven_teams_is_one_problem()
    {
        var problem = Assert.Single(EntryValidator.Problems(Bids(9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9), Rules, Teams));
        Assert.Contains("3 to 10 teams", problem, StringComparison.Ordinal);
        Assert.Contains("has 11", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_teams_is_one_problem()
    {
        var problem = Assert.Single(EntryValidator.Problems(Bids(50, 50), Rules, Teams));
        Assert.Contains("has 2", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_51_point_bid_is_one_problem()
    {
        var problem = Assert.Single(EntryValidator.Problems(Bids(51, 25, 24), Rules, Teams));
        Assert.Contains("1 to 50 points", problem, StringComparison.Ordinal);
        Assert.Contains($"'{Team(1)}' has 51", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_0_point_bid_is_one_problem()
    {
        var problem = Assert.Single(EntryValidator.Problems(Bids(50, 50, 0), Rules, Teams));
        Assert.Contains($"'{Team(3)}' has 0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_of_101_is_one_problem()
    {
        var problem = Assert.Single(EntryValidator.Problems(Bids(50, 50, 1), Rules, Teams));
        Assert.Contains("at most 100", problem, StringComparison.Ordinal);
        Assert.Contains("totals 101", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_team_is_one_problem()
    {
        EntryBid[] bids = [new(Team(1), 30), new("no-such-team", 30), new(Team(2), 30)];
        var problem = Assert.Single(EntryValidator.Problems(bids, Rules, Teams));
        Assert.Contains("'no-such-team' is not in the tournament", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_team_is_one_problem()
    {
        EntryBid[] bids = [new(Team(1), 30), new(Team(2), 40), new(Team(1), 30)];
        var problem = Assert.Single(EntryValidator.Problems(bids, Rules, Teams));
        Assert.Contains($"'{Team(1)}' appears more than once", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_bids_are_one_problem()
    {
        Assert.Single(EntryValidator.Problems(null, Rules, Teams));
    }

    [Fact]
    public void Every_broken_rule_is_reported()
    {
        // 11 teams, one over 50, one at 0, one unknown, one duplicated, total over 100.
        EntryBid[] bids =
        [
            new(Team(1), 51), new(Team(2), 0), new("nowhere", 5), new(Team(3), 5), new(Team(3), 5), new(Team(4), 10),
            new(Team(5), 5), new(Team(6), 5), new(Team(7), 5), new(Team(8), 5), new(Team(9), 5),
        ];
        Assert.Equal(6, EntryValidator.Problems(bids, Rules, Teams).Count);
    }

    [Fact]
    public void Valid_rules_have_no_problems()
    {
        Assert.Empty(EntryValidator.RuleProblems(Rules));
        Assert.Empty(EntryValidator.RuleProblems(new PoolRules(BudgetPoints: 3, MinTeams: 3, MaxTeams: 3, MinBidPoints: 1, MaxBidPoints: 1)));
    }

    [Theory]
    [InlineData(null, 3, 10, 1, 50)]
    [InlineData(0, 3, 10, 1, 50)]
    [InlineData(100, 0, 10, 1, 50)]
    [InlineData(100, 3, 0, 1, 50)]
    [InlineData(100, 11, 10, 1, 50)]
    [InlineData(100, 3, 10, 0, 50)]
    [InlineData(100, 3, 10, 51, 50)]
    [InlineData(100, 3, 10, 34, 50)]
    public void Bad_rules_are_one_problem(int? budget, int minTeams, int maxTeams, int minBid, int maxBid)
    {
        var rules = budget is { } b ? new PoolRules(b, minTeams, maxTeams, minBid, maxBid) : null;
        Assert.Single(EntryValidator.RuleProblems(rules));
    }

    [Fact]
    public void Valid_payouts_have_no_problems()
    {
        Assert.Empty(EntryValidator.PayoutProblems(SandboxRecords.Payouts));
        Assert.Empty(EntryValidator.PayoutProblems([new Payout(3, 0), new Payout(1, 100)]));
    }

    [Fact]
    public void Bad_payouts_are_one_problem()
    {
        Assert.Single(EntryValidator.PayoutProblems(null));
        Assert.Single(EntryValidator.PayoutProblems([]));
        Assert.Single(EntryValidator.PayoutProblems([new Payout(0, 100)]));
        Assert.Single(EntryValidator.PayoutProblems([new Payout(-1, 100)]));
        Assert.Single(EntryValidator.PayoutProblems([new Payout(1, -1)]));
        Assert.Single(EntryValidator.PayoutProblems([new Payout(1, 100), new Payout(2, 50), new Payout(1, 10)]));
    }

    [Theory]
    [InlineData("P001")]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("manual_entry-2.v1")]
    [InlineData("cand-0123456789abcdef")]
    public void Short_url_safe_keys_are_valid(string key) => Assert.True(EntryValidator.IsValidKey(key));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData(".leading-dot")]
    [InlineData("_leading-underscore")]
    [InlineData("has space")]
    [InlineData("has/slash")]
    [InlineData("has@at")]
    [InlineData("caf\u00e9")]
    [InlineData("trailing-newline\n")]
    public void Other_keys_are_invalid(string? key) => Assert.False(EntryValidator.IsValidKey(key));

    [Fact]
    public void Keys_are_at_most_64_characters()
    {
        Assert.True(EntryValidator.IsValidKey(new string('k', 64)));
        Assert.False(EntryValidator.IsValidKey(new string('k', 65)));
    }
}
