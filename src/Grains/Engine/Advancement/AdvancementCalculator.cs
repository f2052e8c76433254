using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Advancement;

/// <summary>
/// The exact advancement model: for each game in dependency order, the probability distribution of
/// which team wins it, from its two input slots' distributions and the win model. No sampling, so the
/// result is a pure function of (tournament, σ, starting state, scoring rules).
/// </summary>
public static class AdvancementCalculator
{
    /// <summary>Recorded with every result; bump when the numbers could change.</summary>
    public const string EngineVersion = "advancement-exact-v1";

    /// <exception cref="InvalidDataException">The tournament is not a valid bracket, or its results are
    /// inconsistent for the locked rounds.</exception>
    /// <exception cref="ArgumentException">σ or the scoring rules are invalid.</exception>
    public static AdvancementResult Compute(
        BracketTournament tournament, double sigma, StartingState state, IReadOnlyList<RoundPoints> scoringRules)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var model = new KenPomLogisticModel(sigma);
        var scoring = ScoringTable.From(scoringRules);
        return Compute(BracketCompiler.Compile(tournament), model, state, scoring);
    }

    /// <summary>The same, for callers that reuse a compiled bracket, model and scoring table.</summary>
    public static AdvancementResult Compute(
        CompiledBracket bracket, KenPomLogisticModel model, StartingState state, ScoringTable scoring)
    {
        ArgumentNullException.ThrowIfNull(bracket);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scoring);

        var reach = ReachProbabilities(bracket, model, state);
        var teams = new TeamAdvancement[CompiledBracket.TeamCount];
        for (var t = 0; t < teams.Length; t++)
        {
            var probabilities = new double[CompiledBracket.RoundCount];
            Array.Copy(reach, t * CompiledBracket.RoundCount, probabilities, 0, probabilities.Length);

            // E[points(progress)] = Σ_r P(progress ≥ r) × points for win index r, since scoring is cumulative.
            var expected = 0.0;
            for (var r = 0; r < probabilities.Length; r++)
            {
                expected += probabilities[r] * scoring.PointsByWinIndex[r];
            }

            var team = bracket.Teams[t];
            teams[t] = new TeamAdvancement(team.TeamId, team.Seed, team.Region, probabilities, expected);
        }

        return new AdvancementResult(bracket.TournamentId, model.Sigma, state, EngineVersion, teams);
    }

    /// <summary>
    /// P(progress ≥ r) as a flat [team × round] array (index team × 7 + r − 1).
    /// </summary>
    internal static double[] ReachProbabilities(CompiledBracket bracket, KenPomLogisticModel model, StartingState state)
    {
        const int teamCount = CompiledBracket.TeamCount;
        const int rounds = CompiledBracket.RoundCount;
        var locked = bracket.LockedWinners(state.LockedThroughRound);

        // Pairwise win probabilities, computed once (68 × 68 is tiny next to the propagation).
        var win = new double[teamCount * teamCount];
        for (var i = 0; i < teamCount; i++)
        {
            for (var j = 0; j < teamCount; j++)
            {
                win[i * teamCount + j] = model.WinProbability(bracket.Teams[i].KenPomNet, bracket.Teams[j].KenPomNet);
            }
        }

        // occupancy[slot × 68 + team] = P(team occupies slot); a slot's possible teams are listed
        // in candidates[slot] so each game only visits the teams that can actually be there.
        var occupancy = new double[CompiledBracket.SlotCount * teamCount];
        var candidates = new int[CompiledBracket.SlotCount][];
        for (var t = 0; t < teamCount; t++)
        {
            occupancy[t * teamCount + t] = 1.0;
            candidates[t] = [t];
        }

        var reach = new double[teamCount * rounds];
        for (var t = 0; t < teamCount; t++)
        {
            // A bye counts as progress 1; a First Four team gets round 1 from its game below.
            if (!bracket.Teams[t].IsFirstFour)
            {
                reach[t * rounds] = 1.0;
            }
        }

        for (var g = 0; g < CompiledBracket.GameCount; g++)
        {
            var left = bracket.LeftSlot[g];
            var right = bracket.RightSlot[g];
            var slot = CompiledBracket.WinnerSlot(g);
            candidates[slot] = [.. candidates[left], .. candidates[right]];
            var outBase = slot * teamCount;

            if (locked[g] >= 0)
            {
                occupancy[outBase + locked[g]] = 1.0;
            }
            else
            {
                Propagate(occupancy, win, candidates[left], left * teamCount, candidates[right], right * teamCount, outBase);
                Propagate(occupancy, win, candidates[right], right * teamCount, candidates[left], left * teamCount, outBase);
            }

            var roundIndex = bracket.GameRound[g] - 1;
            foreach (var t in candidates[slot])
            {
                reach[t * rounds + roundIndex] = occupancy[outBase + t];
            }
        }

        return reach;
    }

    // P(i wins) = P(i here) × Σ_j P(j there) × P(i beats j), for each i on this side.
    private static void Propagate(
        double[] occupancy, double[] win, int[] side, int sideBase, int[] other, int otherBase, int outBase)
    {
        const int teamCount = CompiledBracket.TeamCount;
        foreach (var i in side)
        {
            var here = occupancy[sideBase + i];
            if (here == 0.0)
            {
                continue;
            }

            var beat = 0.0;
            foreach (var j in other)
            {
                beat += occupancy[otherBase + j] * win[i * teamCount + j];
            }

            occupancy[outBase + i] = here * beat;
        }
    }
}
