using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Silo.Backtest;

/// <summary>An entry a strategy puts in the excluded entry's seat; where it came from when no product run simulated it.</summary>
public sealed record SeatEntry(string Strategy, IReadOnlyList<EntrantBid> Bids, string? EntryId = null, string? RunId = null);

/// <summary>A strategy's entry in the seat: its realized payout and its expected payout under each win model σ, in cents.</summary>
public sealed record SeatMeasure(
    string Strategy, long RealizedPayoutCents, IReadOnlyDictionary<double, long> ExpectedPayoutCents, string? EntryId = null, string? RunId = null);

/// <summary>
/// The measures of one real year that are computed in the engine directly rather than through product runs: every
/// seat entry's realized payout (<see cref="RealizedPayout"/>) and its expected payout against the real field under
/// several win models. The expected payouts are paired (<see cref="PairedEvaluator"/>): every strategy sits in the
/// same seat, keyed as the excluded entry, on the same tournaments (seed, simulation index), so their differences are
/// not simulation noise of separate runs. The field average is measured on the real pool as it was.
/// </summary>
public static class SeatMeasures
{
    /// <summary>The year's measures: one per seat entry (in their order) and the field average's.</summary>
    public static (IReadOnlyList<SeatMeasure> Seats, SeatMeasure FieldAverage) Measure(
        TournamentSnapshot tournament, CalcuttaSnapshot pool, IReadOnlyList<SeatEntry> seats, IReadOnlyList<double> sigmas,
        string startingState, long nSims, long seed, CancellationToken cancellationToken)
    {
        var bracket = BracketCompiler.Compile(tournament.ToBracketTournament());
        var excluded = pool.Entries.Single(e => e.IsLabExcluded).EntryKey;
        var entries = pool.Entries.ToEntrants();
        var field = entries.Where(e => e.EntryKey != excluded).ToList();
        var rules = pool.ScoringRules.ToRoundPoints();
        var payouts = pool.Payouts.ToPositionPrizes();
        var state = StartingState.Parse(startingState);

        var expected = new Dictionary<double, long>[seats.Count];
        var fieldExpected = new Dictionary<double, long>();
        for (var s = 0; s < seats.Count; s++)
        {
            expected[s] = [];
        }

        foreach (var sigma in sigmas)
        {
            var model = TournamentModel.Create(bracket, new KenPomLogisticModel(sigma), state);
            var evaluator = new PairedEvaluator(model, field, [.. seats.Select(s => s.Bids)], excluded, rules, payouts);
            var totals = evaluator.CreateTotals();
            evaluator.Run((ulong)seed, 0, nSims, totals, cancellationToken);
            for (var s = 0; s < seats.Count; s++)
            {
                expected[s][sigma] = Cents.Mean(totals.PayoutCents[s], nSims);
            }

            // The real pool as it was: every entry's payout, summed, over every simulation.
            var kernel = new SimulationKernel(model, PoolModel.Create(bracket, entries, rules, payouts));
            var whole = kernel.CreateAccumulator();
            kernel.Run((ulong)seed, 0, nSims, whole);
            fieldExpected[sigma] = Cents.Mean(whole.PayoutCents.Sum(), nSims * entries.Count);
        }

        var realized = RealizedPayout.OfEveryEntry(bracket, entries, rules, payouts);
        var measures = seats.Select((seat, s) => new SeatMeasure(
            seat.Strategy, RealizedPayout.InSeat(bracket, field, excluded, seat.Bids, rules, payouts), expected[s], seat.EntryId, seat.RunId)).ToList();
        return (measures, new SeatMeasure("field_average", Cents.Mean(realized.Values.Sum(), realized.Count), fieldExpected));
    }
}
