using System.Text.Json;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>The real years as kernel inputs, plus each pool's real final standings read straight from the JSON.</summary>
internal static class SimulationData
{
    /// <summary>Years with a real pool (and a golden advancement file).</summary>
    public static readonly int[] PoolYears = [2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025];

    private static readonly Lazy<IReadOnlyList<RealYear>> Years = new(() => RealDataReader.ReadFolder(RealData.Folder));

    public static TheoryData<int> PoolYearData()
    {
        var data = new TheoryData<int>();
        foreach (var year in PoolYears)
        {
            data.Add(year);
        }

        return data;
    }

    public static BracketTournament Tournament(int year) => Years.Value.Single(y => y.Tournament.Year == year).Tournament.ToBracketTournament();

    public static RealPool Pool(int year) =>
        RealPool.From(Years.Value.Single(y => y.Tournament.Year == year).Calcutta ?? throw new InvalidDataException($"{year} has no pool."));

    public static CompiledBracket Bracket(int year) => BracketCompiler.Compile(Tournament(year));

    public static TournamentModel TournamentModel(int year, StartingState state, double sigma = 10) =>
        Grains.Engine.Simulation.TournamentModel.Create(Bracket(year), new KenPomLogisticModel(sigma), state);

    public static PoolModel PoolModel(int year)
    {
        var pool = Pool(year);
        return Grains.Engine.Simulation.PoolModel.Create(Bracket(year), pool.Entries, pool.ScoringRules, pool.Payouts);
    }

    /// <summary>A fresh kernel (kernels are single-threaded) on the real pool of <paramref name="year"/>.</summary>
    public static SimulationKernel Kernel(int year, StartingState state, double sigma = 10) =>
        new(TournamentModel(year, state, sigma), PoolModel(year));

    /// <summary>Cumulative points by progress 0..7, computed here from the raw rules.</summary>
    public static double[] PointsByProgress(IReadOnlyList<RoundPoints> rules)
    {
        var points = new double[8];
        for (var p = 1; p <= 7; p++)
        {
            points[p] = points[p - 1] + rules.Single(r => r.WinIndex == p).PointsAwarded;
        }

        return points;
    }

    /// <summary>Each entry's points (entry-key order) for given team progress, straight from the bids.</summary>
    public static double[] EntryPoints(RealPool pool, Func<string, int> progressOf)
    {
        var points = PointsByProgress(pool.ScoringRules);
        var totals = pool.Entries.SelectMany(e => e.Bids).GroupBy(b => b.TeamId)
            .ToDictionary(g => g.Key, g => (double)g.Sum(b => b.BidPoints), StringComparer.Ordinal);
        return pool.Entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal)
            .Select(e => e.Bids.Sum(b => b.BidPoints / totals[b.TeamId] * points[progressOf(b.TeamId)]))
            .ToArray();
    }

    /// <summary><c>calcuttas[0].derived_actual_standings.rows</c> of data/real/YYYY.json, in file order.</summary>
    public static IReadOnlyList<ActualStanding> ActualStandings(int year)
    {
        using var stream = File.OpenRead(Path.Combine(RealData.Folder, $"{year}.json"));
        using var document = JsonDocument.Parse(stream);
        var rows = document.RootElement.GetProperty("calcuttas")[0].GetProperty("derived_actual_standings").GetProperty("rows");
        return rows.EnumerateArray()
            .Select(r => new ActualStanding(
                r.GetProperty("entry_key").GetString()!,
                r.GetProperty("total_points").GetDouble(),
                r.GetProperty("finish_position").GetInt32(),
                r.GetProperty("is_tied").GetBoolean(),
                r.GetProperty("payout_cents").GetInt64()))
            .ToList();
    }
}

/// <summary>One row of a real pool's final standings as the data file states it.</summary>
internal sealed record ActualStanding(string EntryKey, double TotalPoints, int FinishPosition, bool IsTied, long PayoutCents);
