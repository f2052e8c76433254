using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Engine.Tests.MarketShare;

/// <summary>Small hand-built tournaments and pools, with only the fields the market-share models read filled in.</summary>
internal static class MarketShareFixtures
{
    public static TournamentTeam Team(string id, int seed = 1, double? kenPom = 0.0, bool firstFour = false) =>
        new(id, id, seed, "East", firstFour, Byes: 0, Wins: 0, Progress: 0, IsEliminated: false, kenPom);

    public static TournamentSnapshot Tournament(params TournamentTeam[] teams) =>
        new("ncaa-test", 2099, "Test", ["East"], new FinalFourPairing("East", "East", "East", "East"), teams, Digest: "");

    public static PoolEntry Entry(string key, params (string TeamId, int Points)[] bids) =>
        new(key, IsLabExcluded: false, bids.Select(b => new EntryBid(b.TeamId, b.Points)).ToList());

    public static CalcuttaSnapshot Pool(params PoolEntry[] entries) =>
        new("calcutta-test", "ncaa-test", 2099, "Test pool", new PoolRules(100, 1, 68, 1, 100),
            ScoringRule.HouseRules, [new Payout(1, 100)], entries, Digest: "");

    public static double ShareOf(MarketShares shares, string teamId) => shares.Teams.Single(t => t.TeamId == teamId).Share;

    public static MarketShares Shares(params (string TeamId, double Share)[] shares) =>
        new(shares.Select(s => new TeamShare(s.TeamId, s.Share)).ToList());

    /// <summary>The invariants every model's output promises.</summary>
    public static void AssertValid(MarketShares shares, TournamentSnapshot tournament)
    {
        Assert.Equal(
            tournament.Teams.Select(t => t.TeamId).Order(StringComparer.Ordinal),
            shares.Teams.Select(t => t.TeamId));
        Assert.All(shares.Teams, t => Assert.True(t.Share >= 0 && double.IsFinite(t.Share), $"{t.TeamId}: {t.Share}"));
        Assert.Equal(1.0, shares.Teams.Sum(t => t.Share), 1e-12);
    }
}
