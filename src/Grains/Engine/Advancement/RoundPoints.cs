namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>Points a team earns for reaching progress level <see cref="WinIndex"/> (1..7); cumulative by progress.</summary>
public sealed record RoundPoints(int WinIndex, int PointsAwarded)
{
    /// <summary>The house rules: a field totals 6000 points.</summary>
    public static IReadOnlyList<RoundPoints> HouseRules { get; } =
    [
        new(1, 0), new(2, 50), new(3, 100), new(4, 150), new(5, 200), new(6, 250), new(7, 300),
    ];
}
