using System.Globalization;
using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// The backtest's years as a <see cref="BacktestReportDocument"/>: the table as data, which the Markdown renders and the
/// API serves. Expected payouts under σ = 10 come from the product's runs where a strategy has one (its run id is in
/// the cell), otherwise from the engine's paired measure in the seat; the other σ and the realized payouts always come
/// from the engine (<see cref="SeatMeasures"/>).
/// </summary>
public static class BacktestDocument
{
    public static BacktestReportDocument Build(BacktestOptions options, IReadOnlyList<BacktestYear> years)
    {
        // A column appears when every year has it (the experiment columns need field models wired into experiments).
        var strategies = BacktestStrategies.All.Where(s => years.All(y => Cell(y, s.Key) is not null)).ToList();
        var rows = years.Select(y => new BacktestYearRow(y.CalcuttaId, y.Year, y.ExcludedEntryKey, [.. strategies.Select(s => Cell(y, s.Key)!)])).ToList();
        var summary = strategies.Select(s => Summarize(s.Key, rows)).ToList();
        return new BacktestReportDocument(CommandLine(options), options.NSims, options.Seed, SimulationKernel.EngineVersion,
            BacktestRunner.StartingState, strategies, rows, summary);
    }

    /// <summary>The command that regenerates the report (output paths are left out: they do not change a result).</summary>
    public static string CommandLine(BacktestOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run -c Release --project src/Silo -- backtest --nsims {options.NSims} --seed {options.Seed}");

    public static BacktestCell CellOf(BacktestYearRow row, string strategy) => row.Cells.Single(c => c.Strategy == strategy);

    private static BacktestCell? Cell(BacktestYear year, string strategy)
    {
        if (strategy == BacktestStrategies.FieldAverage)
        {
            return Make(strategy, year.FieldAverageExpectedPayoutCents, year.FieldAverage, null, null, year.BaselineRunId);
        }

        var seat = year.Seats.SingleOrDefault(s => s.Strategy == strategy);
        if (seat is null)
        {
            return null;
        }

        if (strategy == BacktestStrategies.RealEntry)
        {
            return Make(strategy, year.ExcludedEntryExpectedPayoutCents, seat, null, null, year.BaselineRunId);
        }

        var candidate = year.Candidates.SingleOrDefault(c => c.MarketModel == strategy);
        return candidate is null
            ? Make(strategy, seat.ExpectedPayoutCents[BacktestRunner.Sigma], seat, null, seat.EntryId, seat.RunId)
            : Make(strategy, candidate.ExpectedPayoutCents, seat, candidate.PInTheMoney, candidate.CandidateId, candidate.RunId);
    }

    private static BacktestCell Make(string strategy, long expectedCents, SeatMeasure seat, double? pInTheMoney, string? candidateId, string? runId) =>
        new(strategy, expectedCents, seat.RealizedPayoutCents, seat.ExpectedPayoutCents[7], seat.ExpectedPayoutCents[13], pInTheMoney, candidateId, runId);

    private static BacktestStrategySummary Summarize(string strategy, IReadOnlyList<BacktestYearRow> rows)
    {
        var cells = rows.Select(r => CellOf(r, strategy)).ToList();
        var beatsEntry = rows.Count(r => CellOf(r, strategy).ExpectedPayoutCents > CellOf(r, BacktestStrategies.RealEntry).ExpectedPayoutCents);
        var beatsField = rows.Count(r => CellOf(r, strategy).ExpectedPayoutCents > CellOf(r, BacktestStrategies.FieldAverage).ExpectedPayoutCents);
        return new BacktestStrategySummary(strategy, beatsEntry, beatsField, rows.Count,
            Cents.Mean(cells.Sum(c => c.ExpectedPayoutCents), cells.Count), cells.Sum(c => c.RealizedPayoutCents));
    }
}
