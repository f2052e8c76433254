using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;
using Xunit.Abstractions;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// Positive control for the 3-standard-error check: the obvious sampler — the same profiles, but teams drawn one at a
/// time in proportion to share without replacement, the biggest bid on the first team drawn — is biased (it
/// over-bids the favourites), and the same check on fewer draws must catch it. Otherwise passing it would prove little.
/// </summary>
public sealed class MarketMatchPowerTests(ITestOutputHelper output)
{
    [Fact]
    public void The_check_catches_a_sampler_that_draws_teams_one_at_a_time()
    {
        const int draws = 2_000;
        var market = FieldFixtures.RidgeMarket(2025);
        var parameters = MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(2025));
        var opponents = FieldFixtures.Opponents(2025);
        var teamIds = market.Teams.Select(t => t.TeamId).ToList();
        var expected = market.Teams.Select(t => t.Share * opponents * 100).ToList();

        var z = FieldFixtures.ZScores(d => Naive(parameters, market.Teams.Select(t => t.Share).ToArray(), teamIds, opponents, d), teamIds, expected, draws);

        var worst = z.Where(v => !double.IsNaN(v)).Max(Math.Abs);
        output.WriteLine($"naive sampler, {draws} fields: largest |z| = {worst:F1}");
        Assert.True(worst > 3, $"the check did not catch the biased sampler (largest |z| {worst:F2})");
    }

    private static IEnumerable<EntrantBid> Naive(
        MarketSampledParameters parameters, double[] shares, List<string> teamIds, int opponents, int fieldIndex)
    {
        var random = new SeededRandom(fieldIndex + 1);
        for (var e = 0; e < opponents; e++)
        {
            var profile = parameters.Profiles[random.Next(parameters.Profiles.Count)];
            var weights = (double[])shares.Clone();
            foreach (var amount in profile.Bids)
            {
                var team = random.NextWeighted(weights);
                weights[team] = 0;
                yield return new EntrantBid(teamIds[team], amount);
            }
        }
    }
}
