using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>A team as the bracket shows it: its seed slot and how far it really went (progress = wins + byes).</summary>
public sealed record BracketTeam(string TeamId, string Name, int Seed, string Region, bool IsFirstFour, int Progress);

/// <summary>
/// One game: the two teams that met (null while an earlier game's winner is unknown) and the winner as far as the
/// data says. <see cref="Level"/> is the progress the winner reaches (1 = First Four … 7 = title).
/// </summary>
public sealed record BracketGame(int Level, BracketTeam? Top, BracketTeam? Bottom, BracketTeam? Winner);

public sealed record BracketRound(int Level, string Name, IReadOnlyList<BracketGame> Games);

public sealed record RegionBracket(string Region, IReadOnlyList<BracketRound> Rounds);

/// <summary>The whole bracket: play-in games, each region round by round, the Final Four and the champion.</summary>
public sealed record BracketView(
    IReadOnlyList<BracketGame> FirstFour, IReadOnlyList<RegionBracket> Regions, IReadOnlyList<BracketRound> FinalRounds, BracketTeam? Champion)
{
    /// <summary>Progress levels by name, as the heat map and the bracket label them.</summary>
    public static string RoundName(int level) => level switch
    {
        1 => "First Four",
        2 => "Round of 64",
        3 => "Round of 32",
        4 => "Sweet 16",
        5 => "Elite Eight",
        6 => "Final Four",
        _ => "Championship",
    };

    /// <summary>
    /// Lays the 68 teams out as the NCAA does: in each region the round of 64 pairs seeds 1–16, 8–9, 5–12, 4–13,
    /// 6–11, 3–14, 7–10, 2–15 top to bottom, and adjacent winners meet. A game's winner is the team whose real
    /// progress reaches the game's level; when neither does, the data has no result for it yet.
    /// </summary>
    public static BracketView From(TournamentSnapshot tournament)
    {
        var teams = tournament.Teams
            .Select(t => new BracketTeam(t.TeamId, t.Name, t.Seed, t.Region, t.IsFirstFour, t.Progress))
            .ToList();
        var firstFour = teams.Where(t => t.IsFirstFour)
            .GroupBy(t => (t.Region, t.Seed))
            .OrderBy(g => g.Key.Seed).ThenBy(g => g.Key.Region, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.TeamId, StringComparer.Ordinal).ToList())
            .Select(pair => Play(1, pair[0], pair.ElementAtOrDefault(1)))
            .ToList();

        var champions = new Dictionary<string, BracketTeam?>(StringComparer.Ordinal);
        var regions = new List<RegionBracket>();
        foreach (var region in tournament.Regions)
        {
            var rounds = new List<BracketRound>();
            var alive = RoundOf64Seeds.Select(seed => SeedSlot(teams, firstFour, region, seed)).ToList();
            for (var level = 2; level <= 5; level++)
            {
                var games = Enumerable.Range(0, alive.Count / 2).Select(i => Play(level, alive[2 * i], alive[2 * i + 1])).ToList();
                rounds.Add(new BracketRound(level, RoundName(level), games));
                alive = games.Select(g => g.Winner).ToList();
            }

            champions[region] = alive.Single();
            regions.Add(new RegionBracket(region, rounds));
        }

        var f = tournament.FinalFour;
        var semis = new[]
        {
            Play(6, champions.GetValueOrDefault(f.TopLeft), champions.GetValueOrDefault(f.BottomLeft)),
            Play(6, champions.GetValueOrDefault(f.TopRight), champions.GetValueOrDefault(f.BottomRight)),
        };
        var final = Play(7, semis[0].Winner, semis[1].Winner);
        return new BracketView(firstFour, regions,
            [new BracketRound(6, RoundName(6), semis), new BracketRound(7, RoundName(7), [final])], final.Winner);
    }

    private static readonly int[] RoundOf64Seeds = [1, 16, 8, 9, 5, 12, 4, 13, 6, 11, 3, 14, 7, 10, 2, 15];

    /// <summary>The team in a seed slot: the only one, or the winner of its First Four game (null while unplayed).</summary>
    private static BracketTeam? SeedSlot(List<BracketTeam> teams, List<BracketGame> firstFour, string region, int seed)
    {
        var playIn = firstFour.FirstOrDefault(g => g.Top?.Region == region && g.Top.Seed == seed);
        return playIn is not null
            ? playIn.Winner
            : teams.FirstOrDefault(t => t.Region == region && t.Seed == seed);
    }

    private static BracketGame Play(int level, BracketTeam? top, BracketTeam? bottom)
    {
        var winner = top is not null && top.Progress >= level ? top
            : bottom is not null && bottom.Progress >= level ? bottom
            : null;
        return new BracketGame(level, top, bottom, winner);
    }
}
