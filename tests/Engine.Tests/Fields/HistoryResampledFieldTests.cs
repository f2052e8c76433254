using LabSandbox.Grains.Engine.Fields;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary><c>history_resampled</c> on the real pools: reproducible draws and legal entries every year.</summary>
public sealed class HistoryResampledFieldTests
{
    [Fact]
    public void Same_seed_and_index_give_the_same_field_and_another_index_another()
    {
        var opponents = FieldFixtures.Opponents(2025);

        var first = FieldFixtures.Describe(Sampler(2025).Draw(opponents, seed: 11, fieldIndex: 4));
        var again = FieldFixtures.Describe(Sampler(2025).Draw(opponents, seed: 11, fieldIndex: 4));
        var next = FieldFixtures.Describe(Sampler(2025).Draw(opponents, seed: 11, fieldIndex: 5));

        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Theory]
    [MemberData(nameof(FieldFixtures.Years), MemberType = typeof(FieldFixtures))]
    public void Every_drawn_entry_obeys_the_pool_rules(int year)
    {
        var rules = FieldFixtures.Pool(year).Rules;
        var teams = FieldFixtures.Pool(year).Tournament.Teams.Select(t => t.TeamId).ToHashSet(StringComparer.Ordinal);
        var field = Sampler(year);

        Assert.All(field.MappedEntries, e => Assert.Null(FieldRules.Violation(new("mapped", e), rules, teams)));
        for (var index = 0; index < 300; index++)
        {
            var drawn = field.Draw(FieldFixtures.Opponents(year), seed: year, fieldIndex: index);
            Assert.Equal(FieldFixtures.Opponents(year), drawn.Count);
            Assert.All(drawn, e => Assert.Null(FieldRules.Violation(e, rules, teams)));
        }
    }

    [Theory]
    [MemberData(nameof(FieldFixtures.Years), MemberType = typeof(FieldFixtures))]
    public void A_pool_mapped_onto_its_own_tournament_comes_back_unchanged(int year)
    {
        // Same lines, same ranking, same rules: every real entry (all obey the house rules) must map to itself.
        var pool = FieldFixtures.Pool(year);
        var parameters = HistoryResampledFit.Fit([pool], new FieldTarget("calcutta-elsewhere", "ncaa-elsewhere"));
        var field = new HistoryResampledField(parameters, pool.Tournament, pool.Rules);

        var real = pool.Pool.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal)
            .Select(e => string.Join(",", e.Bids.OrderBy(b => b.TeamId, StringComparer.Ordinal).Select(b => $"{b.TeamId}:{b.BidPoints}")));
        var mapped = field.MappedEntries.Select(e => string.Join(",", e.Select(b => $"{b.TeamId}:{b.BidPoints}")));
        Assert.Equal(real, mapped);
    }

    private static HistoryResampledField Sampler(int year) =>
        new(HistoryResampledFit.Fit(FieldFixtures.AllPools(), FieldFixtures.Target(year)), FieldFixtures.Pool(year).Tournament, FieldFixtures.Pool(year).Rules);
}
