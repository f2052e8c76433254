using System.Globalization;
using System.Text;
using LabSandbox.Grains.Engine;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// Writes the backtest table as Markdown. Deterministic: the same inputs give the same bytes (no clock, no
/// host), so a regenerated file differs only when a result does.
/// </summary>
public static class BacktestReport
{
    public static string Render(BacktestOptions options, IReadOnlyList<BacktestYear> years)
    {
        var models = BacktestRunner.MarketModels;
        var text = new StringBuilder();
        text.AppendLine("# Backtest: Lab candidates against the real field");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Regenerate with `dotnet run -c Release --project src/Silo -- backtest --nsims {options.NSims} --seed {options.Seed}` (it rewrites this file).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            For every real year and each market model, the Lab's `dp-v1` candidate (starting state `{BacktestRunner.StartingState}`, KenPom logistic
            σ = {BacktestRunner.Sigma}) replaces the pool's `lab_excluded_entry` in a synthetic copy of the pool, and a cohort of all years is
            simulated: {options.NSims:N0} simulations per year, seed {options.Seed}, engine `{SimulationKernel.EngineVersion}`.
            Cells are the candidate's expected payout (and its probability of finishing in the money). *Excluded entry* is
            the real entry's own expected payout in the real pool as it was (same seed and simulations); *field average* is
            the pool's expected total payout divided by its entries. Money is rounded to the cent from exact integer totals.
            `oracle` prices teams with the pool's actual bids (less the excluded entry's): it knows the market in hindsight,
            so it is an upper bound for what a market model can give, not a strategy one could have played.
            """);
        text.AppendLine();
        text.Append("| year | excluded entry |");
        foreach (var model in models)
        {
            text.Append(CultureInfo.InvariantCulture, $" {model} |");
        }

        text.AppendLine(" excluded real entry | field average |");
        text.AppendLine("| --- | --- |" + string.Concat(Enumerable.Repeat(" ---: |", models.Count)) + " ---: | ---: |");
        foreach (var year in years)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {year.CalcuttaId.Replace("calcutta-", "", StringComparison.Ordinal)} | {year.ExcludedEntryKey} |");
            foreach (var model in models)
            {
                var c = year.Candidates.Single(x => x.MarketModel == model);
                text.Append(CultureInfo.InvariantCulture, $" {Dollars(c.ExpectedPayoutCents)} ({c.PInTheMoney:P1}) |");
            }

            text.AppendLine($" {Dollars(year.ExcludedEntryExpectedPayoutCents)} | {Dollars(year.FieldAverageExpectedPayoutCents)} |");
        }

        text.Append("| **mean** | |");
        foreach (var model in models)
        {
            text.Append(CultureInfo.InvariantCulture, $" **{Dollars(Mean(years.Select(y => y.Candidates.Single(c => c.MarketModel == model).ExpectedPayoutCents)))}** |");
        }

        text.AppendLine($" **{Dollars(Mean(years.Select(y => y.ExcludedEntryExpectedPayoutCents)))}** | **{Dollars(Mean(years.Select(y => y.FieldAverageExpectedPayoutCents)))}** |");
        text.AppendLine();
        foreach (var model in models)
        {
            var beatsEntry = years.Count(y => y.Candidates.Single(c => c.MarketModel == model).ExpectedPayoutCents > y.ExcludedEntryExpectedPayoutCents);
            var beatsField = years.Count(y => y.Candidates.Single(c => c.MarketModel == model).ExpectedPayoutCents > y.FieldAverageExpectedPayoutCents);
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{model}`: beats the excluded real entry in {beatsEntry} of {years.Count} years and the field average in {beatsField} of {years.Count}.");
        }

        text.AppendLine();
        text.AppendLine("Runs (all reproducible from these ids through the API):");
        text.AppendLine();
        foreach (var year in years)
        {
            text.AppendLine($"- {year.CalcuttaId}: baseline `{year.BaselineRunId}`; "
                + string.Join("; ", year.Candidates.Select(c => $"{c.MarketModel} `{c.CandidateId}` in `{c.RunId}`")));
        }

        return text.ToString();
    }

    private static long Mean(IEnumerable<long> cents)
    {
        var values = cents.ToList();
        return Cents.Mean(values.Sum(), values.Count);
    }

    private static string Dollars(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"${cents / 100:N0}.{cents % 100:D2}");
}
