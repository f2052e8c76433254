namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>One team's exact advancement: P(progress ≥ r) for r = 1..7 and its expected points.</summary>
/// <param name="ReachProbabilities">Index r − 1 holds P(progress ≥ r): r = 1 is the bye/First Four level,
/// r = 7 the championship. Non-increasing in r.</param>
public sealed record TeamAdvancement(
    string TeamId,
    int Seed,
    string Region,
    double[] ReachProbabilities,
    double ExpectedPoints)
{
    public double ChampionProbability => ReachProbabilities[^1];
}

/// <summary>The exact advancement model's output for one tournament, ordered by TeamId ordinal.</summary>
public sealed record AdvancementResult(
    string TournamentId,
    double Sigma,
    StartingState StartingState,
    string EngineVersion,
    IReadOnlyList<TeamAdvancement> Teams);
