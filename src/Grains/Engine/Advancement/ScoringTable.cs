using System.Collections.Immutable;

namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>
/// A validated scoring rule set as arrays: points for each win index and the cumulative
/// points(progress) = Σ PointsAwarded for WinIndex ≤ progress.
/// </summary>
public sealed class ScoringTable
{
    public const int MaxProgress = 7;

    // Teams reaching each progress level in a finished tournament: 64 (60 byes + 4 play-in winners), 32, …, 1.
    private static readonly int[] TeamsReaching = [64, 32, 16, 8, 4, 2, 1];

    private ScoringTable(ImmutableArray<long> byWinIndex)
    {
        PointsByWinIndex = byWinIndex;
        var cumulative = new long[MaxProgress + 1];
        for (var p = 1; p <= MaxProgress; p++)
        {
            cumulative[p] = cumulative[p - 1] + byWinIndex[p - 1];
        }

        PointsByProgress = [.. cumulative];
        FieldTotal = Enumerable.Range(0, MaxProgress).Sum(i => byWinIndex[i] * TeamsReaching[i]);
    }

    public static ScoringTable HouseRules { get; } = From(RoundPoints.HouseRules);

    /// <summary>Points for win index r at index r − 1.</summary>
    public ImmutableArray<long> PointsByWinIndex { get; }

    /// <summary>points(progress) at index progress (0..7).</summary>
    public ImmutableArray<long> PointsByProgress { get; }

    /// <summary>Points a whole field earns in any finished tournament (6000 under house rules).</summary>
    public long FieldTotal { get; }

    public long PointsFor(int progress) => PointsByProgress[progress];

    /// <exception cref="ArgumentException">Win indexes are not exactly 1..7 once each, or points are negative.</exception>
    public static ScoringTable From(IReadOnlyList<RoundPoints> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var points = new long[MaxProgress];
        var seen = new bool[MaxProgress];
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                throw new ArgumentException("Scoring rules contain a null rule.", nameof(rules));
            }

            if (rule.WinIndex is < 1 or > MaxProgress)
            {
                throw new ArgumentException($"Scoring rule win index {rule.WinIndex} is outside 1..{MaxProgress}.", nameof(rules));
            }

            if (seen[rule.WinIndex - 1])
            {
                throw new ArgumentException($"Scoring rule win index {rule.WinIndex} appears more than once.", nameof(rules));
            }

            if (rule.PointsAwarded < 0)
            {
                throw new ArgumentException(
                    $"Scoring rule win index {rule.WinIndex} awards {rule.PointsAwarded} points; points must be >= 0.", nameof(rules));
            }

            seen[rule.WinIndex - 1] = true;
            points[rule.WinIndex - 1] = rule.PointsAwarded;
        }

        var missing = Enumerable.Range(1, MaxProgress).Where(i => !seen[i - 1]).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Scoring rules must cover win indexes 1..{MaxProgress} once each; missing {string.Join(", ", missing)}.", nameof(rules));
        }

        return new ScoringTable([.. points]);
    }
}
