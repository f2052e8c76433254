namespace LabSandbox.Grains.Interfaces.Experiments;

/// <summary>
/// Whether an experiment's field could have been known before the auction. Bids are sealed, so a search against the
/// pool's real entries (<c>real</c>) is a best response in hindsight; a modeled field fitted on other years is honest.
/// </summary>
public static class FieldHonesty
{
    /// <summary>The real field: an upper bound, like the <c>oracle</c> market model.</summary>
    public const string Hindsight = "hindsight";

    /// <summary>A modeled field (<c>market_sampled</c>, <c>history_resampled</c>) fitted without the target year.</summary>
    public const string Honest = "honest";

    /// <summary>The field model every request defaults to.</summary>
    public const string RealFieldModel = "real";

    public static string Of(string? fieldModel) => fieldModel is null or RealFieldModel ? Hindsight : Honest;
}
