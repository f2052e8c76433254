namespace LabSandbox.Api.Features.Simulations;

/// <summary>
/// The leaderboard's sort keys (as they appear in the query string) and its order. Ties are broken by entry key
/// (ordinal, ascending whichever the direction), so the same URL always lists the rows the same way.
/// </summary>
public static class LeaderboardSort
{
    public const string DefaultKey = "rank";

    /// <summary>Each sortable column: its query-string key, its header and what it sorts by.</summary>
    public static IReadOnlyList<(string Key, string Header, Func<LeaderboardRow, IComparable> Value)> Columns { get; } =
    [
        ("rank", "#", r => r.Rank),
        ("entry", "Entry", r => r.EntryKey),
        ("expected", "Expected payout", r => r.PayoutCentsTotal),
        ("first", "P(1st)", r => r.PFirst),
        ("top3", "P(top 3)", r => r.PTop3),
        ("top6", "P(top 6)", r => r.PTop6),
        ("top10", "P(top 10)", r => r.PTop10),
        ("money", "P(in the money)", r => r.PInTheMoney),
        ("points", "Points (mean ± sd)", r => r.MeanPoints),
        ("normalized", "Normalized payout", r => r.MeanNormalizedPayout),
    ];

    /// <summary>A key this table knows, or the default (an unknown key from a hand-edited URL is ignored, not an error).</summary>
    public static string Normalize(string? key) => Columns.Any(c => c.Key == key) ? key! : DefaultKey;

    /// <summary>The direction a column sorts by when first clicked: rank and entry ascending, numbers best first.</summary>
    public static bool DefaultDescending(string key) => key is not ("rank" or "entry");

    public static bool IsDescending(string key, string? dir) => dir switch
    {
        "asc" => false,
        "desc" => true,
        _ => DefaultDescending(key),
    };

    public static IReadOnlyList<LeaderboardRow> Apply(IEnumerable<LeaderboardRow> rows, string? key, bool descending)
    {
        var column = Columns.Single(c => c.Key == Normalize(key));
        var ordered = descending ? rows.OrderByDescending(column.Value) : rows.OrderBy(column.Value);
        return ordered.ThenBy(r => r.EntryKey, StringComparer.Ordinal).ToList();
    }
}
