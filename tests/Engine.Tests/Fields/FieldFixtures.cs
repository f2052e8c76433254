using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Engine.Tests.Fields;

/// <summary>The eight real pools as field-model training pools, and each year's leave-one-year-out pieces.</summary>
internal static class FieldFixtures
{
    private static readonly Lazy<IReadOnlyList<RealYear>> Pooled = new(() =>
        RealDataReader.ReadFolder(RealData.Folder).Where(y => y.Calcutta is not null).ToList());

    public static IReadOnlyList<int> PoolYears => Pooled.Value.Select(y => y.Tournament.Year).ToList();

    public static TheoryData<int> Years()
    {
        var data = new TheoryData<int>();
        foreach (var year in PoolYears)
        {
            data.Add(year);
        }

        return data;
    }

    /// <summary>All eight pools, the target's included: the fits must leave it out themselves.</summary>
    public static IReadOnlyList<FieldTrainingPool> AllPools() => Pooled.Value.Select(TrainingPool).ToList();

    public static FieldTrainingPool Pool(int year) => TrainingPool(Year(year));

    public static FieldTarget Target(int year) => new(Year(year).Calcutta!.CalcuttaId, Year(year).Tournament.TournamentId);

    /// <summary>The pool's real entries other than its Lab-excluded one: how many opponents a candidate faces.</summary>
    public static int Opponents(int year) => Year(year).Calcutta!.Entries.Count(e => !e.IsLabExcluded);

    /// <summary>The pinned market for a year: ridge trained on the other seven pools (as the Lab's ridge candidates are).</summary>
    public static MarketShares RidgeMarket(int year)
    {
        var training = Pooled.Value.Where(y => y.Tournament.Year != year).Select(y => new RidgeTrainingPool(
            y.Tournament.ToBracketTournament(), y.Calcutta!.ToPoolBids(), y.Calcutta!.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey)).ToList();
        return RidgeMarketModel.Train(training).Predict(Year(year).Tournament.ToBracketTournament());
    }

    public static OptimizerBounds Bounds(PoolRules rules) =>
        new(rules.BudgetPoints, rules.MinTeams, rules.MaxTeams, rules.MinBidPoints, rules.MaxBidPoints);

    /// <summary>Fields as comparable text: key, then team:points in the entry's order.</summary>
    public static string Describe(IReadOnlyList<PoolEntrant> field) =>
        string.Join("\n", field.Select(e => e.EntryKey + " " + string.Join(",", e.Bids.Select(b => $"{b.TeamId}:{b.BidPoints}"))));

    /// <summary>
    /// Per team, (mean − expected) / SE of the aggregate bid over <paramref name="draws"/> fields, the SE estimated from
    /// the draws themselves; NaN where every draw bid 0 on the team (no spread to measure).
    /// </summary>
    public static double[] ZScores(Func<int, IEnumerable<EntrantBid>> field, IReadOnlyList<string> teamIds, IReadOnlyList<double> expected, int draws)
    {
        var index = teamIds.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        var sum = new double[teamIds.Count];
        var sumSquares = new double[teamIds.Count];
        var aggregate = new double[teamIds.Count];
        for (var d = 0; d < draws; d++)
        {
            Array.Clear(aggregate);
            foreach (var bid in field(d))
            {
                aggregate[index[bid.TeamId]] += bid.BidPoints;
            }

            for (var t = 0; t < aggregate.Length; t++)
            {
                sum[t] += aggregate[t];
                sumSquares[t] += aggregate[t] * aggregate[t];
            }
        }

        var z = new double[teamIds.Count];
        for (var t = 0; t < z.Length; t++)
        {
            var mean = sum[t] / draws;
            var variance = Math.Max(0, (sumSquares[t] - (draws * mean * mean)) / (draws - 1));
            var se = Math.Sqrt(variance / draws);
            z[t] = se > 0 ? (mean - expected[t]) / se : mean == expected[t] ? double.NaN : double.PositiveInfinity;
        }

        return z;
    }

    private static RealYear Year(int year) => Pooled.Value.Single(y => y.Tournament.Year == year);

    private static FieldTrainingPool TrainingPool(RealYear year) =>
        new(year.Tournament.ToBracketTournament(), year.Calcutta!.ToPoolBids(), Bounds(year.Calcutta!.Rules));
}
