using System.Collections.Immutable;

namespace LabSandbox.Grains.Engine.Bracket;

/// <summary>
/// Validates a tournament and lays out its 67 games (see <see cref="CompiledBracket"/> for the order).
/// Pure and deterministic: the same tournament always yields the same arrays.
/// </summary>
public static class BracketCompiler
{
    /// <summary>Seeds of each region's round-of-64 games, top of the bracket to bottom.</summary>
    public static ImmutableArray<(int High, int Low)> RoundOf64Seeds { get; } =
        [(1, 16), (8, 9), (5, 12), (4, 13), (6, 11), (3, 14), (7, 10), (2, 15)];

    private const int SeedsPerRegion = 16;
    private const int RegionCount = 4;
    private const int FirstFourGames = 4;

    /// <exception cref="InvalidDataException">The tournament is not a valid 68-team bracket.</exception>
    public static CompiledBracket Compile(BracketTournament tournament)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        var id = tournament.TournamentId;
        var teams = ValidateTeams(tournament);
        var regions = ValidateRegions(tournament, teams);
        var slots = BuildSeedSlots(id, teams, regions);

        var round = new List<int>(CompiledBracket.GameCount);
        var left = new List<int>(CompiledBracket.GameCount);
        var right = new List<int>(CompiledBracket.GameCount);
        var firstGame = new int[CompiledBracket.TeamCount];
        Array.Fill(firstGame, -1);

        int AddGame(int gameRound, int a, int b)
        {
            var game = round.Count;
            round.Add(gameRound);
            left.Add(a);
            right.Add(b);
            foreach (var slot in (ReadOnlySpan<int>)[a, b])
            {
                if (CompiledBracket.IsTeamSlot(slot))
                {
                    firstGame[slot] = game;
                }
            }

            return CompiledBracket.WinnerSlot(game);
        }

        // First Four: the slot (region, seed) is fed by its play-in game's winner.
        var seedSlot = new int[RegionCount, SeedsPerRegion + 1];
        for (var r = 0; r < RegionCount; r++)
        {
            for (var seed = 1; seed <= SeedsPerRegion; seed++)
            {
                var occupants = slots[r, seed];
                seedSlot[r, seed] = occupants.Count == 1 ? occupants[0] : AddGame(1, occupants[0], occupants[1]);
            }
        }

        // Round of 64 by region, then round-major (every region's round r before any round r + 1):
        // adjacent winners meet until each region has its champion.
        var alive = new List<int>[RegionCount];
        for (var r = 0; r < RegionCount; r++)
        {
            alive[r] = RoundOf64Seeds.Select(p => AddGame(2, seedSlot[r, p.High], seedSlot[r, p.Low])).ToList();
        }

        for (var gameRound = 3; gameRound <= 5; gameRound++)
        {
            for (var r = 0; r < RegionCount; r++)
            {
                var winners = alive[r];
                alive[r] = Enumerable.Range(0, winners.Count / 2)
                    .Select(i => AddGame(gameRound, winners[2 * i], winners[2 * i + 1]))
                    .ToList();
            }
        }

        int Champion(string region) => alive[regions.IndexOf(region)].Single();
        var ff = tournament.FinalFour;
        var semi1 = AddGame(6, Champion(ff.TopLeft), Champion(ff.BottomLeft));
        var semi2 = AddGame(6, Champion(ff.TopRight), Champion(ff.BottomRight));
        AddGame(7, semi1, semi2);

        return new CompiledBracket(
            id, teams, regions, [.. round], [.. left], [.. right], [.. firstGame]);
    }

    private static ImmutableArray<BracketTeam> ValidateTeams(BracketTournament tournament)
    {
        var id = tournament.TournamentId;
        if (tournament.Teams is null || tournament.Teams.Count != CompiledBracket.TeamCount)
        {
            throw new InvalidDataException(
                $"{id}: a bracket needs {CompiledBracket.TeamCount} teams, found {tournament.Teams?.Count ?? 0}.");
        }

        var teams = tournament.Teams.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToImmutableArray();
        for (var i = 0; i < teams.Length; i++)
        {
            if (string.IsNullOrEmpty(teams[i].TeamId))
            {
                throw new InvalidDataException($"{id}: a team has an empty team id.");
            }

            if (i > 0 && string.Equals(teams[i].TeamId, teams[i - 1].TeamId, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{id}: team id '{teams[i].TeamId}' appears twice.");
            }

            if (teams[i].Seed is < 1 or > SeedsPerRegion)
            {
                throw new InvalidDataException($"{id}: {teams[i].TeamId} has seed {teams[i].Seed}, not 1..16.");
            }
        }

        return teams;
    }

    private static ImmutableArray<string> ValidateRegions(BracketTournament tournament, ImmutableArray<BracketTeam> teams)
    {
        var id = tournament.TournamentId;
        var regions = (tournament.Regions ?? []).Order(StringComparer.Ordinal).ToImmutableArray();
        if (regions.Length != RegionCount || regions.Distinct(StringComparer.Ordinal).Count() != RegionCount)
        {
            throw new InvalidDataException(
                $"{id}: a bracket needs {RegionCount} distinct regions, found [{string.Join(", ", regions)}].");
        }

        foreach (var team in teams)
        {
            if (!regions.Contains(team.Region, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"{id}: {team.TeamId} is in unknown region '{team.Region}'.");
            }
        }

        var ff = tournament.FinalFour ?? throw new InvalidDataException($"{id}: the Final Four pairing is missing.");
        string[] named = [ff.TopLeft, ff.BottomLeft, ff.TopRight, ff.BottomRight];
        if (!named.Order(StringComparer.Ordinal).SequenceEqual(regions, StringComparer.Ordinal))
        {
            throw new InvalidDataException(
                $"{id}: the Final Four pairing [{string.Join(", ", named)}] must name each region " +
                $"[{string.Join(", ", regions)}] exactly once.");
        }

        return regions;
    }

    // Team indexes of each (region, seed) slot: one team, or a First Four pair.
    private static List<int>[,] BuildSeedSlots(string id, ImmutableArray<BracketTeam> teams, ImmutableArray<string> regions)
    {
        var slots = new List<int>[RegionCount, SeedsPerRegion + 1];
        for (var r = 0; r < RegionCount; r++)
        {
            for (var seed = 1; seed <= SeedsPerRegion; seed++)
            {
                slots[r, seed] = [];
            }
        }

        for (var i = 0; i < teams.Length; i++)
        {
            slots[regions.IndexOf(teams[i].Region), teams[i].Seed].Add(i);
        }

        var pairs = 0;
        for (var r = 0; r < RegionCount; r++)
        {
            for (var seed = 1; seed <= SeedsPerRegion; seed++)
            {
                var occupants = slots[r, seed].Select(i => teams[i]).ToList();
                var where = $"{id}: {regions[r]} seed {seed}";
                switch (occupants.Count)
                {
                    case 0:
                        throw new InvalidDataException($"{where} has no team.");
                    case 1 when occupants[0].IsFirstFour:
                        throw new InvalidDataException($"{where}: {occupants[0].TeamId} is marked First Four but has no opponent.");
                    case 2 when !occupants.All(t => t.IsFirstFour):
                        throw new InvalidDataException(
                            $"{where} holds {occupants[0].TeamId} and {occupants[1].TeamId}; both must be marked First Four.");
                    case 2:
                        pairs++;
                        break;
                    case > 2:
                        throw new InvalidDataException(
                            $"{where} holds {occupants.Count} teams ({string.Join(", ", occupants.Select(t => t.TeamId))}).");
                }
            }
        }

        if (pairs != FirstFourGames)
        {
            throw new InvalidDataException($"{id}: a bracket needs {FirstFourGames} First Four pairs, found {pairs}.");
        }

        return slots;
    }
}
