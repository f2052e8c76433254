using System.Globalization;
using System.Text;
using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Silo.Backtest;

/// <summary>
/// Renders the backtest document as Markdown. Deterministic: the same document gives the same bytes (no clock, no
/// host), so a regenerated file differs only when a result does.
/// </summary>
public static class BacktestReport
{
    public static string Render(BacktestReportDocument report)
    {
        var text = new StringBuilder();
        text.AppendLine("# Backtest: Lab strategies in the real pools");
        text.AppendLine();
        text.AppendLine($"Regenerate with `{report.Command}` (it rewrites this file and `{BacktestOptions.DefaultReportJsonPath.Replace('\\', '/')}`, the same table as data for the API's Backtest page).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            For every real year, each strategy's entry takes the seat of the pool's `lab_excluded_entry`; the rest of the pool is the
            real entries as they were. Three measures, all in integer cents rounded once to the cent:

            - **(a) expected payout** against the real field, KenPom logistic σ = {BacktestRunner.Sigma}, starting state `{report.StartingState}`:
              {report.NSims:N0} simulations per year, seed {report.Seed}, engine `{report.EngineVersion}`. The Lab candidates' and the
              real entry's figures are the product's own simulation runs (ids below); in brackets the probability of finishing in the money.
            - **(b) realized payout**: the real final standings with the strategy's entry in the seat (every game at its real result,
              the pool's scoring and payouts, ties within 1e-4 sharing pooled payouts): exact, no simulation. One tournament
              each year, so it is mostly luck; it is what the entry would actually have won.
            - **(c) robustness**: expected payout under σ = 7 and σ = 13 (same simulations and seed), each strategy in the seat on
              the same tournaments (paired).

            The *field average* is the pool's total payout divided by its entries. Columns marked **(hindsight)** used the real
            bids of the year they play in, which nobody had at the auction: `oracle` prices teams with the pool's actual bids and
            `experiment_real` searched against the real entries. They are upper bounds, not strategies anyone could have played.
            The honest strategies used only what was known before the auction.
            """);
        text.AppendLine();
        AppendExperiments(text, report);
        AppendTable(text, report, "(a) Expected payout against the real field, σ = 10", "**mean**", c => c.ExpectedPayoutCents, mean: true, withChance: true);
        AppendTable(text, report, "(b) Realized payout in the real tournament", "**total**", c => c.RealizedPayoutCents, mean: false, withChance: false);
        AppendRobustness(text, report);
        AppendSummary(text, report);
        AppendRuns(text, report);
        return text.ToString();
    }

    private static void AppendExperiments(StringBuilder text, BacktestReportDocument report)
    {
        var present = report.Strategies.Where(s => s.Key is BacktestStrategies.ExperimentModeled or BacktestStrategies.ExperimentReal).Select(s => $"`{s.Key}`").ToList();
        if (present.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"""
                The experiment strategies ({string.Join(", ", present)}) are experiments started from the year's `ridge` dp-v1 candidate
                with master seed {report.Seed} and a modest search ({BacktestExperiments.Describe(report.NSims)}); their best entry
                then takes the seat like any other strategy. All their figures, (a) included, are the engine's paired measure in the seat.
                {BacktestExperiments.FieldNote}
                """);
            text.AppendLine();
        }

        if (!report.Strategies.Any(s => s.Key == BacktestStrategies.ExperimentModeled))
        {
            text.AppendLine("""
                **Not in this table yet:** `experiment_modeled`, the honest experiment strategy (searched against a modeled field).
                It needs field models wired into experiments (issue 17, item 2), which had not landed when this backtest was generated.
                """);
            text.AppendLine();
        }
    }

    private static void AppendTable(StringBuilder text, BacktestReportDocument report, string title, string totalLabel, Func<BacktestCell, long> value, bool mean, bool withChance)
    {
        text.AppendLine($"## {title}");
        text.AppendLine();
        AppendHeader(text, report);
        foreach (var row in report.Years)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Year} | {row.ExcludedEntryKey} |");
            foreach (var strategy in report.Strategies)
            {
                var cell = BacktestDocument.CellOf(row, strategy.Key);
                var chance = withChance && cell.PInTheMoney is { } p ? string.Create(CultureInfo.InvariantCulture, $" ({p:P1})") : "";
                text.Append($" {Dollars(value(cell))}{chance} |");
            }

            text.AppendLine();
        }

        text.Append($"| {totalLabel} | |");
        foreach (var strategy in report.Strategies)
        {
            var values = report.Years.Select(r => value(BacktestDocument.CellOf(r, strategy.Key))).ToList();
            text.Append($" **{Dollars(mean ? Grains.Engine.Cents.Mean(values.Sum(), values.Count) : values.Sum())}** |");
        }

        text.AppendLine();
        text.AppendLine();
    }

    private static void AppendRobustness(StringBuilder text, BacktestReportDocument report)
    {
        text.AppendLine("## (c) Expected payout under σ = 7 / σ = 13");
        text.AppendLine();
        AppendHeader(text, report);
        foreach (var row in report.Years)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Year} | {row.ExcludedEntryKey} |");
            foreach (var strategy in report.Strategies)
            {
                var cell = BacktestDocument.CellOf(row, strategy.Key);
                text.Append($" {Dollars(cell.ExpectedPayoutSigma7Cents)} / {Dollars(cell.ExpectedPayoutSigma13Cents)} |");
            }

            text.AppendLine();
        }

        text.Append("| **mean** | |");
        foreach (var strategy in report.Strategies)
        {
            var cells = report.Years.Select(r => BacktestDocument.CellOf(r, strategy.Key)).ToList();
            text.Append($" **{Dollars(Grains.Engine.Cents.Mean(cells.Sum(c => c.ExpectedPayoutSigma7Cents), cells.Count))} / {Dollars(Grains.Engine.Cents.Mean(cells.Sum(c => c.ExpectedPayoutSigma13Cents), cells.Count))}** |");
        }

        text.AppendLine();
        text.AppendLine();
    }

    private static void AppendHeader(StringBuilder text, BacktestReportDocument report)
    {
        text.AppendLine("| year | excluded entry |" + string.Concat(report.Strategies.Select(s => $" {s.Label} |")));
        text.AppendLine("| --- | --- |" + string.Concat(Enumerable.Repeat(" ---: |", report.Strategies.Count)));
    }

    private static void AppendSummary(StringBuilder text, BacktestReportDocument report)
    {
        text.AppendLine("## Summary");
        text.AppendLine();
        text.AppendLine("Years counted on (a), the expected payout under σ = 10; realized dollars are (b) summed over all years.");
        text.AppendLine();
        var realEntry = report.Summary.Single(s => s.Strategy == BacktestStrategies.RealEntry);
        var field = report.Summary.Single(s => s.Strategy == BacktestStrategies.FieldAverage);
        foreach (var strategy in report.Strategies.Where(s => s.Key is not (BacktestStrategies.RealEntry or BacktestStrategies.FieldAverage)))
        {
            var s = report.Summary.Single(x => x.Strategy == strategy.Key);
            var kind = strategy.Hindsight ? "hindsight" : "honest";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- `{strategy.Key}` ({kind}): beats the excluded real entry in {s.YearsBeatingRealEntry} of {s.Years} years and the field average in {s.YearsBeatingFieldAverage} of {s.Years}; mean expected {Dollars(s.MeanExpectedPayoutCents)}; realized {Dollars(s.RealizedPayoutCentsTotal)} over {s.Years} years.");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"- The excluded real entries: mean expected {Dollars(realEntry.MeanExpectedPayoutCents)}, realized {Dollars(realEntry.RealizedPayoutCentsTotal)} over {realEntry.Years} years; the field average: {Dollars(field.MeanExpectedPayoutCents)} and {Dollars(field.RealizedPayoutCentsTotal)}.");
        text.AppendLine();
        foreach (var strategy in report.Strategies.Where(BacktestStrategies.IsHonestStrategy))
        {
            var s = report.Summary.Single(x => x.Strategy == strategy.Key);
            var expected = s.MeanExpectedPayoutCents > realEntry.MeanExpectedPayoutCents ? "above" : "not above";
            var realized = s.RealizedPayoutCentsTotal > realEntry.RealizedPayoutCentsTotal ? "won more than" : "did not win more than";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- Plainly, `{strategy.Key}`: its mean expected payout ({Dollars(s.MeanExpectedPayoutCents)}) is {expected} the real entries' ({Dollars(realEntry.MeanExpectedPayoutCents)}), and in the real tournaments it {realized} they did ({Dollars(s.RealizedPayoutCentsTotal)} vs {Dollars(realEntry.RealizedPayoutCentsTotal)}).");
        }

        // The experiments start from the ridge candidate: whether the search helped is judged against that start.
        foreach (var key in new[] { BacktestStrategies.ExperimentModeled, BacktestStrategies.ExperimentReal }.Where(k => report.Strategies.Any(s => s.Key == k)))
        {
            var better = report.Years.Count(r => BacktestDocument.CellOf(r, key).ExpectedPayoutCents > BacktestDocument.CellOf(r, BacktestStrategies.Ridge).ExpectedPayoutCents);
            var worse = report.Years.Count(r => BacktestDocument.CellOf(r, key).ExpectedPayoutCents < BacktestDocument.CellOf(r, BacktestStrategies.Ridge).ExpectedPayoutCents);
            var mine = report.Summary.Single(x => x.Strategy == key);
            var start = report.Summary.Single(x => x.Strategy == BacktestStrategies.Ridge);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- `{key}` against its starting entry (`ridge`) on (a): better in {better} of {report.Years.Count} years, worse in {worse}, unchanged in {report.Years.Count - better - worse}; mean {Dollars(mine.MeanExpectedPayoutCents)} vs {Dollars(start.MeanExpectedPayoutCents)}.");
        }

        text.AppendLine();
    }

    private static void AppendRuns(StringBuilder text, BacktestReportDocument report)
    {
        text.AppendLine("## Runs");
        text.AppendLine();
        text.AppendLine("The σ = 10 figures' runs and the entries in the seat (all reproducible from these ids through the API; an experiment's best entry is a candidate whose record names its experiment):");
        text.AppendLine();
        foreach (var row in report.Years)
        {
            var parts = row.Cells.Where(c => c.Strategy != BacktestStrategies.FieldAverage)
                .Select(c => c.Strategy == BacktestStrategies.RealEntry ? $"the real pool as it was `{c.RunId}`"
                    : c.RunId is null ? $"{c.Strategy} best entry `{c.CandidateId}`" : $"{c.Strategy} `{c.CandidateId}` in `{c.RunId}`");
            text.AppendLine($"- {row.CalcuttaId}: " + string.Join("; ", parts));
        }
    }

    private static string Dollars(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"{(cents < 0 ? "-" : "")}${Math.Abs(cents) / 100:N0}.{Math.Abs(cents) % 100:D2}");
}
