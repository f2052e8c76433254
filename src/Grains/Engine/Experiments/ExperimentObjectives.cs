namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// What an experiment maximizes (docs/experiments.md#objectives): expected payout (the default), the probability of
/// finishing first, the probability of finishing in the money, or the risk-adjusted payout mean − λ·sd.
/// </summary>
public static class ExperimentObjectives
{
    public const string ExpectedPayout = "expected_payout";
    public const string PFirst = "p_first";
    public const string PInTheMoney = "p_in_the_money";
    public const string RiskAdjusted = "risk_adjusted";

    public const string Cents = "cents";
    public const string Probability = "probability";

    public static IReadOnlyList<string> All { get; } = [ExpectedPayout, PFirst, PInTheMoney, RiskAdjusted];

    public static bool IsKnown(string? objective) => objective is not null && All.Contains(objective, StringComparer.Ordinal);

    /// <summary>The unit of the objective's values and intervals: payout objectives in cents, the others as probabilities.</summary>
    public static string Unit(string objective) => objective is PFirst or PInTheMoney ? Probability : Cents;
}
