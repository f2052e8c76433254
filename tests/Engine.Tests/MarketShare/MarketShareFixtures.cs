using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.MarketShare;

/// <summary>Small hand-built tournaments and pools, with only the fields the market-share models read filled in.</summary>
internal static class MarketShareFixtures
{
    public static BracketTeam Team(string id, int seed = 1, double? kenPom = 0.0, bool firstFour = false) =>
        new(id, seed, "East", firstFour, Byes: 0, Progress: 0, kenPom);

    public static BracketTournament Tournament(params BracketTeam[] teams) =>
        new("ncaa-test", ["East"], new FinalFourRegions("East", "East", "East", "East"), teams);

    public static PoolEntrant Entry(string key, params (string TeamId, int Points)[] bids) =>
        new(key, bids.Select(b => new EntrantBid(b.TeamId, b.Points)).ToList());

    public static PoolBids Pool(params PoolEntrant[] entries) => new("calcutta-test", entries);

    public static double ShareOf(MarketShares shares, string teamId) => shares.Teams.Single(t => t.TeamId == teamId).Share;

    public static MarketShares Shares(params (string TeamId, double Share)[] shares) =>
        new(shares.Select(s => new TeamShare(s.TeamId, s.Share)).ToList());

    /// <summary>The invariants every model's output promises.</summary>
    public static void AssertValid(MarketShares shares, BracketTournament tournament)
    {
        Assert.Equal(
            tournament.Teams.Select(t => t.TeamId).Order(StringComparer.Ordinal),
            shares.Teams.Select(t => t.TeamId));
        Assert.All(shares.Teams, t => Assert.True(t.Share >= 0 && double.IsFinite(t.Share), $"{t.TeamId}: {t.Share}"));
        Assert.Equal(1.0, shares.Teams.Sum(t => t.Share), 1e-12);
    }
}
