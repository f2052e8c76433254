using LabSandbox.Grains.Engine.Fields;
using Xunit.Abstractions;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary><c>market_sampled</c> on the real pools: reproducible draws, legal entries, and bids that match the market.</summary>
public sealed class MarketSampledFieldTests(ITestOutputHelper output)
{
    [Fact]
    public void Same_seed_and_index_give_the_same_field_and_another_index_another()
    {
        var field = Sampler(2025);
        var opponents = FieldFixtures.Opponents(2025);

        var first = FieldFixtures.Describe(field.Draw(opponents, seed: 7, fieldIndex: 12));
        var again = FieldFixtures.Describe(Sampler(2025).Draw(opponents, seed: 7, fieldIndex: 12));
        var next = FieldFixtures.Describe(field.Draw(opponents, seed: 7, fieldIndex: 13));
        var otherSeed = FieldFixtures.Describe(field.Draw(opponents, seed: 8, fieldIndex: 12));

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_field_does_not_depend_on_which_fields_were_drawn_before()
    {
        var field = Sampler(2024);
        var alone = FieldFixtures.Describe(field.Draw(40, seed: 3, fieldIndex: 99));

        for (var i = 98; i >= 0; i -= 7)
        {
            field.Draw(40, seed: 3, fieldIndex: i);
        }

        Assert.Equal(alone, FieldFixtures.Describe(field.Draw(40, seed: 3, fieldIndex: 99)));
    }

    [Theory]
    [MemberData(nameof(FieldFixtures.Years), MemberType = typeof(FieldFixtures))]
    public void Every_drawn_entry_obeys_the_pool_rules(int year)
    {
        var rules = FieldFixtures.Pool(year).Rules;
        var teams = FieldFixtures.Pool(year).Tournament.Teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var field = Sampler(year);

        for (var index = 0; index < 300; index++)
        {
            var drawn = field.Draw(FieldFixtures.Opponents(year), seed: year, fieldIndex: index);
            Assert.Equal(FieldFixtures.Opponents(year), drawn.Count);
            Assert.Equal(drawn.Count, drawn.Select(e => e.EntryKey).Distinct().Count());
            Assert.All(drawn, e => Assert.Null(FieldRules.Violation(e, rules, teams)));
        }
    }

    [Fact]
    public void Mean_aggregate_bids_match_the_market_prediction_within_three_standard_errors_per_team()
    {
        const int draws = 10_000;
        var pool = FieldFixtures.Pool(2025);
        var market = FieldFixtures.RidgeMarket(2025);
        var parameters = MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(2025));
        var field = new MarketSampledField(parameters, pool.Rules, market);
        var opponents = FieldFixtures.Opponents(2025);

        // The expectation comes from the market and the fitted budget use, not from the sampler: every real entry of
        // the other years spent its whole 100-point budget, and 2025's budget is 100 too.
        Assert.Equal(1.0, parameters.MeanBudgetUse);
        Assert.Equal(100, pool.Rules.Budget);
        var expectedSpend = opponents * pool.Rules.Budget * parameters.MeanBudgetUse;

        var index = market.Teams.Select((t, i) => (t.TeamId, i)).ToDictionary(x => x.TeamId, x => x.i);
        var sum = new double[market.Teams.Count];
        var sumSquares = new double[market.Teams.Count];
        var aggregate = new double[market.Teams.Count];
        for (var d = 0; d < draws; d++)
        {
            Array.Clear(aggregate);
            foreach (var bid in field.Draw(opponents, seed: 2025, fieldIndex: d).SelectMany(e => e.Bids))
            {
                aggregate[index[bid.TeamId]] += bid.BidPoints;
            }

            for (var t = 0; t < aggregate.Length; t++)
            {
                sum[t] += aggregate[t];
                sumSquares[t] += aggregate[t] * aggregate[t];
            }
        }

        var worst = 0.0;
        for (var t = 0; t < market.Teams.Count; t++)
        {
            var expected = market.Teams[t].Share * expectedSpend;
            var mean = sum[t] / draws;
            var variance = Math.Max(0, (sumSquares[t] - (draws * mean * mean)) / (draws - 1));
            var se = Math.Sqrt(variance / draws);
            if (se == 0)
            {
                Assert.Equal(expected, mean); // a team the market gives nothing is never bid on
                continue;
            }

            var z = (mean - expected) / se;
            worst = Math.Max(worst, Math.Abs(z));
            Assert.True(Math.Abs(z) <= 3, $"{market.Teams[t].TeamId}: mean {mean:F3}, expected {expected:F3}, SE {se:F4}, z {z:F2}");
        }

        output.WriteLine($"2025, {draws} fields of {opponents}: largest |z| over {market.Teams.Count} teams = {worst:F2}");
    }

    private static MarketSampledField Sampler(int year) =>
        new(MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(year)), FieldFixtures.Pool(year).Rules, FieldFixtures.RidgeMarket(year));
}
