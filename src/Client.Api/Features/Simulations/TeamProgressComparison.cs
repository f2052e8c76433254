namespace LabSandbox.Api.Features.Simulations;

/// <summary>One round of one team: simulated and exact probability of reaching it, and their difference in standard errors.</summary>
/// <param name="Z">(simulated − exact) ÷ √(exact·(1 − exact)/n); null when the exact probability is 0 or 1 and they differ.</param>
public sealed record ProgressCell(double Simulated, double Exact, double? Z);

/// <summary>A team's row of the team progress table: reach probabilities for progress 1..7.</summary>
public sealed record TeamProgressRow(string TeamId, string Name, int Seed, string Region, IReadOnlyList<ProgressCell> Rounds)
{
    /// <summary>The largest |z| over the rounds (null when some round cannot be compared).</summary>
    public double? MaxAbsZ => Rounds.Any(r => r.Z is null) ? null : Rounds.Max(r => Math.Abs(r.Z!.Value));
}

/// <summary>
/// Compares a simulation's team progress frequencies with the exact advancement model it sampled. The metrics hold
/// P(progress = k) for k = 0..7 and the advancement artifact P(progress ≥ r) for r = 1..7, so the simulated reach
/// is the tail sum; the standard error is the binomial one of n simulations at the exact probability.
/// This is arithmetic on two artifacts, not a model: the exact probabilities are read, never recomputed.
/// </summary>
public static class TeamProgressComparison
{
    public const int Rounds = 7;

    public static readonly IReadOnlyList<string> RoundNames = ["Round of 64", "Round of 32", "Sweet 16", "Elite 8", "Final Four", "Final", "Champion"];

    public static IReadOnlyList<TeamProgressRow> Compare(IReadOnlyList<TeamFrequencies> simulated, IReadOnlyList<TeamExact> exact, long simulations)
    {
        var byTeam = simulated.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
        return exact
            .Where(t => byTeam.ContainsKey(t.TeamId))
            .Select(t => new TeamProgressRow(t.TeamId, t.Name, t.Seed, t.Region,
                Enumerable.Range(1, Rounds).Select(r => Cell(Reach(byTeam[t.TeamId].Frequencies, r), t.PRound[r - 1], simulations)).ToList()))
            .OrderBy(r => r.Region, StringComparer.Ordinal).ThenBy(r => r.Seed).ThenBy(r => r.TeamId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>P(progress ≥ r) from the frequencies of each exact level.</summary>
    public static double Reach(IReadOnlyList<double> frequencies, int round) => frequencies.Skip(round).Sum();

    public static ProgressCell Cell(double simulated, double exact, long simulations)
    {
        var se = Math.Sqrt(exact * (1 - exact) / simulations);
        double? z = se > 0 ? (simulated - exact) / se : Math.Abs(simulated - exact) < 1e-12 ? 0 : null;
        return new ProgressCell(simulated, exact, z);
    }
}
