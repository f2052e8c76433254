namespace LabSandbox.Api.Components.Shared;

/// <summary>
/// The opponent fields a simulation or experiment can play against (docs/field-models.md), as the forms offer them:
/// the pool's real entries (hindsight: their bids were sealed at the auction) or a field modeled on the other years (honest).
/// </summary>
public static class FieldModels
{
    public const string Real = "real";

    public static IReadOnlyList<string> Keys { get; } = [Real, "market_sampled", "history_resampled"];

    public static bool IsModeled(string? fieldModel) => fieldModel is not null && fieldModel != Real;

    public static string Name(string? fieldModel) => fieldModel switch
    {
        "market_sampled" => "market_sampled (honest)",
        "history_resampled" => "history_resampled (honest)",
        _ => "real (hindsight)",
    };

    public static string Help(string? fieldModel) => fieldModel switch
    {
        "market_sampled" => "Opponents drawn from a model fitted on the other years, choosing teams in proportion to the market shares.",
        "history_resampled" => "Other years' real entries, mapped onto this year's teams by seed line and rating rank.",
        _ => "The pool's real entries with the bids they made: a best response in hindsight, not a playable strategy.",
    };
}
