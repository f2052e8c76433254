using System.Globalization;
using LabSandbox.Api.Components.Shared;
using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Api.Features.Backtest;

/// <summary>The backtest table's cells, links and export, from the report document (nothing is recomputed but means).</summary>
public static class BacktestTableData
{
    /// <summary>The reference columns: the pool's own excluded entry and its average entry.</summary>
    public const string RealEntry = "real_entry";

    public const string FieldAverage = "field_average";

    public static bool IsReference(string strategy) => strategy is RealEntry or FieldAverage;

    public static BacktestCell? Cell(BacktestYearRow year, string strategy) => year.Cells.FirstOrDefault(c => c.Strategy == strategy);

    /// <summary>The mean of a column in cents, rounded once half to even (as the report's own means).</summary>
    public static long? Mean(IReadOnlyList<BacktestYearRow> years, string strategy, BacktestMeasure measure)
    {
        var cents = years.Select(y => Cell(y, strategy)).OfType<BacktestCell>().Select(measure.Cents).ToList();
        return cents.Count == 0 ? null : (long)Math.Round((decimal)cents.Sum() / cents.Count, MidpointRounding.ToEven);
    }

    /// <summary>The σ = 10 simulation the cell's expected payout comes from, opened at the entry played in the seat.</summary>
    public static string? RunHref(BacktestYearRow year, BacktestCell cell)
    {
        if (cell.RunId is null)
        {
            return null;
        }

        var entry = cell.CandidateId ?? (cell.Strategy == RealEntry ? year.ExcludedEntryKey : null);
        var href = $"/runs/{Uri.EscapeDataString(cell.RunId)}/results";
        return entry is null ? href : $"{href}?entry={Uri.EscapeDataString(entry)}";
    }

    public static string CandidateHref(string candidateId) => $"/lab/candidates/{Uri.EscapeDataString(candidateId)}";

    public static string Percent(double p) => (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>One row per year with every measure of every strategy in raw cents, and the ids that reproduce them.</summary>
    public static TableExport Export(BacktestReportDocument report)
    {
        var columns = new List<string> { "year", "calcuttaId", "excludedEntryKey" };
        foreach (var s in report.Strategies)
        {
            columns.AddRange([$"{s.Key}ExpectedPayoutCents", $"{s.Key}RealizedPayoutCents", $"{s.Key}ExpectedPayoutSigma7Cents",
                $"{s.Key}ExpectedPayoutSigma13Cents", $"{s.Key}PInTheMoney", $"{s.Key}CandidateId", $"{s.Key}RunId"]);
        }

        var rows = report.Years.Select(y =>
        {
            var row = new List<object?> { y.Year, y.CalcuttaId, y.ExcludedEntryKey };
            foreach (var s in report.Strategies)
            {
                var c = Cell(y, s.Key);
                row.AddRange([c?.ExpectedPayoutCents, c?.RealizedPayoutCents, c?.ExpectedPayoutSigma7Cents, c?.ExpectedPayoutSigma13Cents,
                    c?.PInTheMoney, c?.CandidateId, c?.RunId]);
            }

            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new TableExport($"backtest-{report.NSims}-{report.Seed}", columns, rows);
    }
}
