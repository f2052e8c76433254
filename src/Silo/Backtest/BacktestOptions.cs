namespace LabSandbox.Silo.Backtest;

/// <summary>The backtest's command line: <c>backtest [--nsims N] [--seed S] [--output PATH]</c>.</summary>
public sealed record BacktestOptions(long NSims, long Seed, string OutputPath)
{
    public const string Usage = """
        usage: LabSandbox.Silo backtest [--nsims 100000] [--seed 2025] [--output docs/backtest.md]

        For each market model (naive_ev, oracle, ridge): generates the Lab's dp-v1 candidate for every real pool
        (post_first_four, the pool's lab_excluded_entry replaced), attaches it to a synthetic copy of its pool,
        simulates the cohort of all years with one seed, and writes a Markdown table comparing each candidate's
        expected payout with the excluded real entry's and the field average. Runs an in-process silo; needs no
        database. Exit codes: 0 written, 1 failed, 2 usage.
        """;

    public static BacktestOptions? Parse(string[] args, TextWriter error)
    {
        var options = new BacktestOptions(100_000, 2025, Path.Combine("docs", "backtest.md"));
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--nsims" when long.TryParse(value, out var n) && n is >= 1 and <= 100_000_000:
                    options = options with { NSims = n };
                    i++;
                    break;
                case "--seed" when long.TryParse(value, out var s) && s >= 0:
                    options = options with { Seed = s };
                    i++;
                    break;
                case "--output" when !string.IsNullOrWhiteSpace(value):
                    options = options with { OutputPath = value };
                    i++;
                    break;
                default:
                    error.WriteLine($"unexpected argument '{args[i]}'");
                    error.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }
}
