using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// A market so concentrated that the real profiles (up to 10 teams) cannot all be used: 1 / max share = 3.3, so every
/// opponent is cut to 3 teams. The bids must still match the market in expectation, and still obey the rules.
/// </summary>
public sealed class ConcentratedMarketTests
{
    private static readonly double[] Shares = [0.3, 0.2, 0.15, 0.1, 0.1, 0.05, 0.05, 0.05];

    [Fact]
    public void Cut_entries_still_match_the_market_within_three_standard_errors()
    {
        const int draws = 10_000;
        const int opponents = 20;
        var pool = FieldFixtures.Pool(2025);
        var teamIds = pool.Tournament.Teams.Select(t => t.TeamId).Order(StringComparer.Ordinal).ToList();
        var market = new MarketShares(teamIds.Select((t, i) => new TeamShare(t, i < Shares.Length ? Shares[i] : 0.0)).ToList());
        var field = new MarketSampledField(MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(2025)), pool.Rules, market);
        var allTeams = teamIds.ToHashSet(StringComparer.Ordinal);

        // Cutting to 3 teams keeps each entry's money, and every real entry spent 100.
        Assert.Equal(100.0, field.ExpectedEntrySpend);
        var sum = new double[Shares.Length];
        var sumSquares = new double[Shares.Length];
        for (var d = 0; d < draws; d++)
        {
            var aggregate = new double[Shares.Length];
            foreach (var entry in field.Draw(opponents, seed: 99, fieldIndex: d))
            {
                Assert.Equal(3, entry.Bids.Count);
                Assert.Null(FieldRules.Violation(entry, pool.Rules, allTeams));
                foreach (var bid in entry.Bids)
                {
                    aggregate[teamIds.IndexOf(bid.TeamId)] += bid.BidPoints; // a zero-share team would throw here
                }
            }

            for (var t = 0; t < Shares.Length; t++)
            {
                sum[t] += aggregate[t];
                sumSquares[t] += aggregate[t] * aggregate[t];
            }
        }

        for (var t = 0; t < Shares.Length; t++)
        {
            var expected = Shares[t] * opponents * 100;
            var mean = sum[t] / draws;
            var se = Math.Sqrt((sumSquares[t] - (draws * mean * mean)) / (draws - 1) / draws);
            Assert.True(Math.Abs(mean - expected) <= 3 * se, $"team {t}: mean {mean:F3}, expected {expected:F3}, SE {se:F4}");
        }
    }

    [Fact]
    public void A_market_too_concentrated_for_MinTeams_is_refused()
    {
        var pool = FieldFixtures.Pool(2025);
        var teamIds = pool.Tournament.Teams.Select(t => t.TeamId).Order(StringComparer.Ordinal).ToList();
        var market = new MarketShares(teamIds.Select((t, i) => new TeamShare(t, i == 0 ? 0.5 : 0.5 / (teamIds.Count - 1))).ToList());

        Assert.Throws<ArgumentException>(() =>
            new MarketSampledField(MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(2025)), pool.Rules, market));
    }
}
