namespace LabSandbox.Silo.Backtest;

/// <summary>What one backtest runs with; <see cref="BacktestCommand"/> reads it from the command line.</summary>
public sealed record BacktestOptions(long NSims, long Seed, string OutputPath, string ReportJsonPath)
{
    public const long DefaultNSims = 100_000;
    public const long MaxNSims = 100_000_000;
    public const long DefaultSeed = 2025;

    public static string DefaultOutputPath { get; } = Path.Combine("docs", "backtest.md");

    /// <summary>The document the API embeds and serves (GET /api/backtest).</summary>
    public static string DefaultReportJsonPath { get; } = Path.Combine("src", "Client.Api", "Features", "Backtest", "backtest-report.json");
}
