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

/// <summary>
/// One year and one field: its shape, and the expected payouts (σ = 10) against it of the excluded real entry and, on
/// average, of every real entry taking that seat.
/// </summary>
public sealed record CalibrationRow(int Year, string Field, FieldShape Shape, long ExcludedEntryExpectedPayoutCents, long RealEntriesMeanExpectedPayoutCents);

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
            var seat = new Seat(tournament, pool, excluded.EntryKey);

            var (excludedCents, meanCents) = seat.AgainstReal(real, options);
            rows.Add(new CalibrationRow(year.Tournament.Year, FieldModelKinds.Real, FieldShape.Of(real, seedOf), excludedCents, meanCents));

            var market = new MarketSampledField(MarketSampledFit.Fit(training, target), bounds, RidgeMarket(pooled, year));
            rows.Add(Modeled(year.Tournament.Year, new ModeledFieldSource(market, real.Count, options.Seed), seat, seedOf, options));

            var history = new HistoryResampledField(HistoryResampledFit.Fit(training, target), tournament, bounds);
            rows.Add(Modeled(year.Tournament.Year, new ModeledFieldSource(history, real.Count, options.Seed), seat, seedOf, options));
        }

        return rows;
    }

    private static CalibrationRow Modeled(int year, ModeledFieldSource fields, Seat seat, IReadOnlyDictionary<string, int> seedOf, FieldCalibrationOptions options)
    {
        var shapes = new List<FieldShape>((int)options.Fields);
        for (long i = 0; i < options.Fields; i++)
        {
            shapes.Add(FieldShape.Of(fields.Draw(i), seedOf));
        }

        var (excludedCents, meanCents) = seat.AgainstModeled(fields, options);
        return new CalibrationRow(year, fields.Kind, FieldShape.Mean(shapes), excludedCents, meanCents);
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

    /// <summary>
    /// The real entries, each in turn in the excluded entry's seat (the seat a candidate takes), against one field: the
    /// excluded entry's expected payout, and the mean of every real entry's. All variants share tournaments and fields.
    /// </summary>
    private sealed record Seat(BracketTournament Tournament, CalcuttaSnapshot Pool, string EntryKey)
    {
        /// <summary>In the real field each entry plays the pool as it was, so the mean is the real pool's payout per entry.</summary>
        public (long Excluded, long MeanOfEntries) AgainstReal(IReadOnlyList<PoolEntrant> opponents, FieldCalibrationOptions options)
        {
            var excluded = Against(new RealFieldSource(opponents), [Pool.Entries.Single(e => e.EntryKey == EntryKey).Bids.ToEntrantBids()], options);
            var model = Model();
            var kernel = new SimulationKernel(model, PoolModel.Create(model.Bracket, Pool.Entries.ToEntrants(), Pool.ScoringRules.ToRoundPoints(), Pool.Payouts.ToPositionPrizes()));
            var totals = kernel.CreateAccumulator();
            kernel.Run((ulong)options.Seed, 0, options.NSims, totals);
            return (Cents.Mean(excluded.PayoutCents[0], options.NSims), Cents.Mean(totals.PayoutCents.Sum(), options.NSims * Pool.Entries.Count));
        }

        /// <summary>Simulation i plays field i / <see cref="FieldBlocks.SimulationsPerField"/> of <paramref name="fields"/>.</summary>
        public (long Excluded, long MeanOfEntries) AgainstModeled(IFieldSource fields, FieldCalibrationOptions options)
        {
            // The excluded entry first (variant 0), then the others in entry-key order.
            var variants = Pool.Entries.OrderBy(e => e.EntryKey == EntryKey ? 0 : 1).ThenBy(e => e.EntryKey, StringComparer.Ordinal)
                .Select(e => e.Bids.ToEntrantBids()).ToList();
            var totals = Against(fields, variants, options);
            return (Cents.Mean(totals.PayoutCents[0], options.NSims), Cents.Mean(totals.PayoutCents.Sum(), options.NSims * variants.Count));
        }

        private PairedTotals Against(IFieldSource fields, IReadOnlyList<IReadOnlyList<EntrantBid>> variants, FieldCalibrationOptions options)
        {
            var evaluator = new PairedEvaluator(Model(), fields, variants, EntryKey, Pool.ScoringRules.ToRoundPoints(), Pool.Payouts.ToPositionPrizes());
            var totals = evaluator.CreateTotals();
            evaluator.Run((ulong)options.Seed, 0, options.NSims, totals, CancellationToken.None);
            return totals;
        }

        private TournamentModel Model() =>
            TournamentModel.Create(BracketCompiler.Compile(Tournament), new KenPomLogisticModel(Sigma), StartingState.Parse(StartingStateText));
    }
}
