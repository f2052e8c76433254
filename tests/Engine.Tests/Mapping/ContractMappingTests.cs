using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Experiments;
using LabSandbox.Grains.Runs.PairedSimulation;

namespace LabSandbox.Engine.Tests.Mapping;

/// <summary>The grains' mappers hand the engine exactly what the contracts hold, in the same order.</summary>
public sealed class ContractMappingTests
{
    [Fact]
    public void The_engine_house_rules_are_the_contract_house_rules()
    {
        Assert.Equal(RoundPoints.HouseRules, ScoringRule.HouseRules.ToRoundPoints());
    }

    [Fact]
    public void A_tournament_keeps_every_field_the_engine_reads_in_contract_order()
    {
        var snapshot = RealDataReader.ReadFolder(RealData.Folder).Single(y => y.Tournament.Year == 2025).Tournament;

        var mapped = snapshot.ToBracketTournament();

        Assert.Equal(snapshot.TournamentId, mapped.TournamentId);
        Assert.Equal(snapshot.Regions, mapped.Regions);
        Assert.Equal(
            (snapshot.FinalFour.TopLeft, snapshot.FinalFour.BottomLeft, snapshot.FinalFour.TopRight, snapshot.FinalFour.BottomRight),
            (mapped.FinalFour.TopLeft, mapped.FinalFour.BottomLeft, mapped.FinalFour.TopRight, mapped.FinalFour.BottomRight));
        Assert.Equal(
            snapshot.Teams.Select(t => new BracketTeam(t.TeamId, t.Seed, t.Region, t.IsFirstFour, t.Byes, t.Progress, t.KenPomNet)),
            mapped.Teams);
    }

    [Fact]
    public void Missing_tournament_parts_are_still_reported_by_the_compiler()
    {
        var snapshot = RealDataReader.ReadFolder(RealData.Folder).Single(y => y.Tournament.Year == 2025).Tournament;

        var error = Assert.Throws<InvalidDataException>(() => BracketCompiler.Compile((snapshot with { FinalFour = null! }).ToBracketTournament()));
        Assert.Contains("the Final Four pairing is missing", error.Message);
        Assert.Throws<InvalidDataException>(() => BracketCompiler.Compile((snapshot with { Teams = null! }).ToBracketTournament()));
    }

    [Fact]
    public void A_null_scoring_rule_is_rejected_by_the_scoring_table()
    {
        var rules = ScoringRule.HouseRules.Take(6).Append(null!).ToRoundPoints();

        var error = Assert.Throws<ArgumentException>(() => ScoringTable.From(rules));
        Assert.Contains("null rule", error.Message);
    }

    [Fact]
    public void Pools_keep_entries_bids_and_payouts_in_order()
    {
        var pool = RealDataReader.ReadFolder(RealData.Folder).Single(y => y.Tournament.Year == 2025).Calcutta!;

        var entrants = pool.Entries.ToEntrants();
        var bids = pool.ToPoolBids();

        Assert.Equal(pool.Entries.Select(e => e.EntryKey), entrants.Select(e => e.EntryKey));
        Assert.Equal(
            pool.Entries.SelectMany(e => e.Bids.Select(b => (e.EntryKey, b.TeamId, b.BidPoints))),
            entrants.SelectMany(e => e.Bids.Select(b => (e.EntryKey, b.TeamId, b.BidPoints))));
        Assert.Equal(pool.CalcuttaId, bids.PoolId);
        Assert.Equal(entrants, bids.Entries, (a, b) => a.EntryKey == b.EntryKey && a.Bids.SequenceEqual(b.Bids));
        Assert.Equal(pool.Payouts.Select(p => (p.Position, p.AmountCents)), pool.Payouts.ToPositionPrizes().Select(p => (p.Position, p.AmountCents)));
        Assert.Equal(pool.Entries[0].Bids, pool.Entries[0].Bids.ToEntrantBids().ToEntryBids());
    }

    [Fact]
    public void Payout_statistics_round_trip()
    {
        var statistic = new PayoutStatistic(4_000, -123_457, -31, -90, 28);

        Assert.Equal(new PayoutEstimate(4_000, -123_457, -31, -90, 28), statistic.ToPayoutEstimate());
        Assert.Equal(statistic, statistic.ToPayoutEstimate().ToPayoutStatistic());
    }
}
