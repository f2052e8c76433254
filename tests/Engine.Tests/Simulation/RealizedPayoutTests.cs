using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// The realized payout of an entry in a real pool's seat is the pool's real final standings: for every real year the
/// data file's <c>derived_actual_standings</c> to the cent, for the excluded entry in its seat and for every entry.
/// </summary>
public sealed class RealizedPayoutTests
{
    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void The_excluded_entry_in_its_seat_realizes_its_real_payout(int year)
    {
        var pool = SimulationData.Pool(year);
        var excluded = pool.ExcludedEntryKey!;
        var seat = pool.Entries.Single(e => e.EntryKey == excluded);
        var field = pool.Entries.Where(e => e.EntryKey != excluded).ToList();

        var realized = RealizedPayout.InSeat(SimulationData.Bracket(year), field, excluded, seat.Bids, pool.ScoringRules, pool.Payouts);

        Assert.Equal(SimulationData.ActualStandings(year).Single(a => a.EntryKey == excluded).PayoutCents, realized);
    }

    [Theory]
    [MemberData(nameof(SimulationData.PoolYearData), MemberType = typeof(SimulationData))]
    public void Every_entry_realizes_its_real_payout(int year)
    {
        var pool = SimulationData.Pool(year);

        var realized = RealizedPayout.OfEveryEntry(SimulationData.Bracket(year), pool.Entries, pool.ScoringRules, pool.Payouts);

        var actual = SimulationData.ActualStandings(year);
        Assert.Equal(actual.Count, realized.Count);
        Assert.All(actual, row => Assert.True(row.PayoutCents == realized[row.EntryKey], $"{year} {row.EntryKey}: real {row.PayoutCents}, realized {realized[row.EntryKey]}."));
    }

    [Fact]
    public void Another_entry_in_the_seat_changes_the_standings_around_it()
    {
        // The excluded entry's bids under another key in a pool without it: the same money, whatever the key.
        var pool = SimulationData.Pool(2025);
        var excluded = pool.Entries.Single(e => e.EntryKey == pool.ExcludedEntryKey);
        var field = pool.Entries.Where(e => e.EntryKey != excluded.EntryKey).ToList();
        var bracket = SimulationData.Bracket(2025);

        var asItself = RealizedPayout.InSeat(bracket, field, excluded.EntryKey, excluded.Bids, pool.ScoringRules, pool.Payouts);
        var renamed = RealizedPayout.InSeat(bracket, field, "SEAT", excluded.Bids, pool.ScoringRules, pool.Payouts);
        var nothing = RealizedPayout.InSeat(bracket, field, "SEAT", [], pool.ScoringRules, pool.Payouts);

        Assert.Equal(asItself, renamed);
        Assert.Equal(0, nothing);
        Assert.Throws<ArgumentException>(() => RealizedPayout.InSeat(bracket, pool.Entries, excluded.EntryKey, excluded.Bids, pool.ScoringRules, pool.Payouts));
    }
}
