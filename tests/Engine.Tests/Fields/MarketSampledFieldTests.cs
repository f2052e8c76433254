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

        var teamIds = market.Teams.Select(t => t.TeamId).ToList();
        var expected = market.Teams.Select(t => t.Share * expectedSpend).ToList();
        var z = FieldFixtures.ZScores(d => field.Draw(opponents, seed: 2025, fieldIndex: d).SelectMany(e => e.Bids), teamIds, expected, draws);

        for (var t = 0; t < z.Length; t++)
        {
            // NaN: no spread because the team was never bid on, and its expectation is 0 too (a zero market share).
            Assert.True(double.IsNaN(z[t]) || Math.Abs(z[t]) <= 3, $"{teamIds[t]}: expected {expected[t]:F3}, z {z[t]:F2}");
        }

        var worst = z.Where(v => !double.IsNaN(v)).Max(Math.Abs);
        output.WriteLine($"2025, {draws} fields of {opponents}: largest |z| over {market.Teams.Count} teams = {worst:F2}");
    }

    private static MarketSampledField Sampler(int year) =>
        new(MarketSampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(year)), FieldFixtures.Pool(year).Rules, FieldFixtures.RidgeMarket(year));
}
