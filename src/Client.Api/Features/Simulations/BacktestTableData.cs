using LabSandbox.Api.Components.Shared;
using LabSandbox.Silo.Backtest;

namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// The backtest table's numbers, computed as <see cref="BacktestReport"/> writes <c>docs/backtest.md</c>: means of
/// integer cents rounded once half to even, and "beats" as strictly greater expected payout.
/// </summary>
public static class BacktestTableData
{
    public static IReadOnlyList<string> Models => BacktestRunner.MarketModels;

    public static BacktestCandidateResult Candidate(BacktestYear year, string model) => year.Candidates.Single(c => c.MarketModel == model);

    public static long Mean(IEnumerable<long> cents)
    {
        var values = cents.ToList();
        return values.Count == 0 ? 0 : (long)Math.Round((decimal)values.Sum() / values.Count, MidpointRounding.ToEven);
    }

    public static long ModelMean(IReadOnlyList<BacktestYear> years, string model) => Mean(years.Select(y => Candidate(y, model).ExpectedPayoutCents));

    public static int BeatsEntry(IReadOnlyList<BacktestYear> years, string model) =>
        years.Count(y => Candidate(y, model).ExpectedPayoutCents > y.ExcludedEntryExpectedPayoutCents);

    public static int BeatsField(IReadOnlyList<BacktestYear> years, string model) =>
        years.Count(y => Candidate(y, model).ExpectedPayoutCents > y.FieldAverageExpectedPayoutCents);

    public static string Year(BacktestYear year) => year.CalcuttaId.Replace("calcutta-", "", StringComparison.Ordinal);

    /// <summary>One row per year, every number raw (cents, probabilities) with the ids that reproduce it.</summary>
    public static TableExport Export(BacktestResult result)
    {
        var columns = new List<string> { "year", "calcuttaId", "excludedEntryKey" };
        foreach (var model in Models)
        {
            columns.AddRange([$"{model}ExpectedPayoutCents", $"{model}PInTheMoney", $"{model}CandidateId", $"{model}RunId"]);
        }

        columns.AddRange(["excludedEntryExpectedPayoutCents", "fieldAverageExpectedPayoutCents", "baselineRunId"]);
        var rows = result.Years.Select(y =>
        {
            var row = new List<object?> { Year(y), y.CalcuttaId, y.ExcludedEntryKey };
            foreach (var model in Models)
            {
                var c = Candidate(y, model);
                row.AddRange([c.ExpectedPayoutCents, c.PInTheMoney, c.CandidateId, c.RunId]);
            }

            row.AddRange([y.ExcludedEntryExpectedPayoutCents, y.FieldAverageExpectedPayoutCents, y.BaselineRunId]);
            return (IReadOnlyList<object?>)row;
        }).ToList();
        return new TableExport($"backtest-{result.NSims}-{result.Seed}", columns, rows);
    }
}
