using System.Text.Json;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>
/// Leave-one-year-out: neither fit ever reads the target year's pool, like the ridge market model. Checked two ways:
/// the lineage names the seven other pools only, and replacing the target pool's entries changes no fitted byte.
/// </summary>
public sealed class FieldFitExclusionTests
{
    [Theory]
    [MemberData(nameof(FieldFixtures.Years), MemberType = typeof(FieldFixtures))]
    public void The_fits_record_the_other_seven_pools_and_not_the_target(int year)
    {
        var target = FieldFixtures.Target(year);
        var others = FieldFixtures.AllPools().Where(p => p.Pool.PoolId != target.PoolId).Select(p => p.Pool.PoolId).Order(StringComparer.Ordinal);

        var market = MarketSampledFit.Fit(FieldFixtures.AllPools(), target);
        var history = HistoryResampledFit.Fit(FieldFixtures.AllPools(), target);

        Assert.Equal(others, market.FittedOnPoolIds);
        Assert.Equal(others, history.FittedOnPoolIds);
        Assert.Equal(7, market.FittedOnPoolIds.Count);
        Assert.DoesNotContain(market.Profiles, p => p.SourcePoolId == target.PoolId);
        Assert.DoesNotContain(history.Entries, e => e.SourcePoolId == target.PoolId);
        Assert.Equal(
            FieldFixtures.AllPools().Where(p => p.Pool.PoolId != target.PoolId).Sum(p => p.Pool.Entries.Count),
            market.Profiles.Count);
    }

    [Theory]
    [MemberData(nameof(FieldFixtures.Years), MemberType = typeof(FieldFixtures))]
    public void Altering_the_target_pool_changes_nothing(int year)
    {
        var target = FieldFixtures.Target(year);
        var altered = FieldFixtures.AllPools().Select(p => p.Pool.PoolId == target.PoolId
            ? p with { Pool = new PoolBids(p.Pool.PoolId, [new PoolEntrant("P999", [new EntrantBid(p.Tournament.Teams[0].TeamId, 37)])]) }
            : p).ToList();

        Assert.Equal(Json(MarketSampledFit.Fit(FieldFixtures.AllPools(), target)), Json(MarketSampledFit.Fit(altered, target)));
        Assert.Equal(Json(HistoryResampledFit.Fit(FieldFixtures.AllPools(), target)), Json(HistoryResampledFit.Fit(altered, target)));
    }

    [Fact]
    public void Another_pool_of_the_target_tournament_is_left_out_too_and_order_does_not_matter()
    {
        var target = FieldFixtures.Target(2023);
        var sameYear = FieldFixtures.Pool(2023) with { Pool = FieldFixtures.Pool(2023).Pool with { PoolId = "calcutta-2023-office" } };
        var pools = FieldFixtures.AllPools().Append(sameYear).Reverse().ToList();

        var fitted = MarketSampledFit.Fit(pools, target);

        Assert.DoesNotContain("calcutta-2023-office", fitted.FittedOnPoolIds);
        Assert.Equal(Json(MarketSampledFit.Fit(FieldFixtures.AllPools(), target)), Json(fitted));
    }

    [Fact]
    public void A_fit_with_nothing_left_after_the_target_is_refused()
    {
        var target = FieldFixtures.Target(2025);

        Assert.Throws<ArgumentException>(() => MarketSampledFit.Fit([FieldFixtures.Pool(2025)], target));
        Assert.Throws<ArgumentException>(() => HistoryResampledFit.Fit([FieldFixtures.Pool(2025)], target));
    }

    /// <summary>The parameters as an artifact would store them: comparing bytes compares every list element.</summary>
    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
