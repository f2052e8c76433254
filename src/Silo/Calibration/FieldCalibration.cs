using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Silo.Calibration;

/// <summary>One year and one field: its shape and the excluded real entry's expected payout against it (σ = 10).</summary>
public sealed record CalibrationRow(int Year, string Field, FieldShape Shape, long? SeatExpectedPayoutCents);

/// <summary>
/// The calibration of the field models (docs/field-models.md): for every real year, the real opponents (the pool's
/// entries less its <c>lab_excluded_entry</c>) against fields drawn from each model fitted on the other years, as many
/// opponents as the real field has. <c>market_sampled</c> draws on the ridge market prediction trained on the other
/// years, as the Lab's ridge candidates are priced. Pure and single-threaded: the same options give the same rows.
/// </summary>
public static class FieldCalibration
{
    public const double Sigma = 10;
    public const string StartingStateText = "post_first_four";

    public static IReadOnlyList<CalibrationRow> Run(IReadOnlyList<RealYear> years, FieldCalibrationOptions options, CancellationToken cancellationToken)
    {
        var pooled = years.Where(y => y.Calcutta is not null).OrderBy(y => y.Tournament.Year).ToList();
        var training = pooled.Select(y => new FieldTrainingPool(y.Tournament.ToBracketTournament(), y.Calcutta!.ToPoolBids(), Bounds(y.Calcutta!.Rules))).ToList();
        var rows = new List<CalibrationRow>();
        foreach (var year in pooled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tournament = year.Tournament.ToBracketTournament();
            var pool = year.Calcutta!;
            var excluded = pool.Entries.Single(e => e.IsLabExcluded);
            var real = pool.Entries.Where(e => e.EntryKey != excluded.EntryKey).ToEntrants();
            var seedOf = tournament.Teams.ToDictionary(t => t.TeamId, t => t.Seed, StringComparer.Ordinal);
            var target = new FieldTarget(pool.CalcuttaId, year.Tournament.TournamentId);
            var bounds = Bounds(pool.Rules);
            var seat = new Seat(tournament, pool, excluded.EntryKey, excluded.Bids.ToEntrantBids());

            rows.Add(new CalibrationRow(year.Tournament.Year, FieldModelKinds.Real, FieldShape.Of(real, seedOf), seat.ExpectedAgainstReal(options)));

            var market = new MarketSampledField(MarketSampledFit.Fit(training, target), bounds, RidgeMarket(pooled, year));
            rows.Add(Modeled(year.Tournament.Year, FieldModelKinds.MarketSampled, i => market.Draw(real.Count, options.Seed, i), seedOf, options));

            var history = new HistoryResampledField(HistoryResampledFit.Fit(training, target), tournament, bounds);
            rows.Add(Modeled(year.Tournament.Year, FieldModelKinds.HistoryResampled, i => history.Draw(real.Count, options.Seed, i), seedOf, options));
        }

        return rows;
    }

    private static CalibrationRow Modeled(int year, string kind, Func<long, IReadOnlyList<PoolEntrant>> draw, IReadOnlyDictionary<string, int> seedOf, FieldCalibrationOptions options)
    {
        var shapes = new List<FieldShape>((int)options.Fields);
        for (long i = 0; i < options.Fields; i++)
        {
            shapes.Add(FieldShape.Of(draw(i), seedOf));
        }

        return new CalibrationRow(year, kind, FieldShape.Mean(shapes), null);
    }

    /// <summary>The ridge market model trained on every other year's pool (each less its own excluded entry), predicting this year.</summary>
    private static MarketShares RidgeMarket(IReadOnlyList<RealYear> pooled, RealYear target)
    {
        var training = pooled.Where(y => y.Tournament.Year != target.Tournament.Year).Select(y => new RidgeTrainingPool(
            y.Tournament.ToBracketTournament(), y.Calcutta!.ToPoolBids(), y.Calcutta!.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey)).ToList();
        return RidgeMarketModel.Train(training).Predict(target.Tournament.ToBracketTournament());
    }

    private static OptimizerBounds Bounds(PoolRules rules) =>
        new(rules.BudgetPoints, rules.MinTeams, rules.MaxTeams, rules.MinBidPoints, rules.MaxBidPoints);

    /// <summary>The excluded real entry in its seat, the thing whose expected payout each field is compared on.</summary>
    private sealed record Seat(BracketTournament Tournament, CalcuttaSnapshot Pool, string EntryKey, IReadOnlyList<EntrantBid> Bids)
    {
        public long ExpectedAgainstReal(FieldCalibrationOptions options)
        {
            var bracket = BracketCompiler.Compile(Tournament);
            var model = TournamentModel.Create(bracket, new KenPomLogisticModel(Sigma), StartingState.Parse(StartingStateText));
            var field = Pool.Entries.Where(e => e.EntryKey != EntryKey).ToEntrants();
            var evaluator = new PairedEvaluator(model, field, [Bids], EntryKey, Pool.ScoringRules.ToRoundPoints(), Pool.Payouts.ToPositionPrizes());
            var totals = evaluator.CreateTotals();
            evaluator.Run((ulong)options.Seed, 0, options.NSims, totals, CancellationToken.None);
            return Cents.Mean(totals.PayoutCents[0], options.NSims);
        }
    }
}
