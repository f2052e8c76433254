using LabSandbox.Grains.Interfaces.Backtest;

namespace LabSandbox.Api.Features.Backtest;

/// <summary>One of the report's measures of a strategy in a year, all in integer cents.</summary>
/// <param name="Key">Its value in the page's query string (<c>?measure=</c>).</param>
public sealed record BacktestMeasure(string Key, string Label, string Description, Func<BacktestCell, long> Cents)
{
    public static BacktestMeasure Expected { get; } = new("expected", "Expected, σ = 10",
        "Expected payout against the pool's real field under the KenPom logistic model with σ = 10.", c => c.ExpectedPayoutCents);

    public static BacktestMeasure Realized { get; } = new("realized", "Realized",
        "The payout the entry would have won in the real tournament: the real final standings with it in the seat (exact, no simulation).",
        c => c.RealizedPayoutCents);

    public static BacktestMeasure Sigma7 { get; } = new("sigma7", "Expected, σ = 7",
        "Expected payout against the real field with a sharper win model (σ = 7): robustness to the model.", c => c.ExpectedPayoutSigma7Cents);

    public static BacktestMeasure Sigma13 { get; } = new("sigma13", "Expected, σ = 13",
        "Expected payout against the real field with a flatter win model (σ = 13): robustness to the model.", c => c.ExpectedPayoutSigma13Cents);

    public static IReadOnlyList<BacktestMeasure> All { get; } = [Expected, Realized, Sigma7, Sigma13];

    /// <summary>The measure a query string names; the expected payout (σ = 10) when it names none or an unknown one.</summary>
    public static BacktestMeasure Parse(string? key) => All.FirstOrDefault(m => m.Key == key) ?? Expected;
}
