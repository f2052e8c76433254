using System.Globalization;
using System.Text.Json;
using LabSandbox.Api.Features.Datasets;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Web.Tests.Datasets;

/// <summary>
/// Fixed contracts for the dataset pages: a 68-team tournament where the better seed always wins (East's 1 seed
/// takes the title), its pool, and an advancement table.
/// </summary>
public static class DatasetTestData
{
    public const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public static readonly string[] Regions = ["East", "Midwest", "South", "West"];

    /// <summary>First Four slots: (region, seed).</summary>
    private static readonly (string Region, int Seed)[] PlayIns = [("East", 16), ("Midwest", 11), ("South", 16), ("West", 11)];

    public static TournamentSnapshot Tournament(int year = 2025, bool complete = true)
    {
        var teams = new List<TournamentTeam>();
        foreach (var region in Regions)
        {
            for (var seed = 1; seed <= 16; seed++)
            {
                var progress = complete ? Progress(region, seed) : 1;
                if (PlayIns.Contains((region, seed)))
                {
                    teams.Add(Team(region, seed, "a", isFirstFour: true, complete ? progress : 0));
                    teams.Add(Team(region, seed, "b", isFirstFour: true, 0));
                }
                else
                {
                    teams.Add(Team(region, seed, "", isFirstFour: false, progress));
                }
            }
        }

        return new TournamentSnapshot($"ncaa-{year}", year, $"NCAA Tournament {year}", Regions,
            new FinalFourPairing("East", "West", "South", "Midwest"), teams, Digest);
    }

    /// <summary>The better seed always wins; East beats West and South beats Midwest in the semifinals, East wins the title.</summary>
    private static int Progress(string region, int seed)
    {
        var progress = seed switch { 1 => 5, 2 => 4, <= 4 => 3, <= 8 => 2, _ => 1 };
        if (seed == 1 && region is "East" or "South")
        {
            progress = region == "East" ? 7 : 6;
        }

        return progress;
    }

    private static TournamentTeam Team(string region, int seed, string suffix, bool isFirstFour, int progress)
    {
        var id = $"{region.ToLowerInvariant()}-{seed}{suffix}";
        var byes = isFirstFour ? 0 : 1;
        return new TournamentTeam(id, $"{region} {seed}{suffix}", seed, region, isFirstFour, byes, Math.Max(0, progress - byes), progress,
            IsEliminated: progress < 7, KenPomNet: 20 - seed);
    }

    public static CalcuttaSnapshot Pool(int year = 2025) => new(
        $"calcutta-{year}", $"ncaa-{year}", year, $"Test pool {year}",
        new PoolRules(100, 3, 10, 1, 50), ScoringRule.HouseRules,
        [new Payout(1, 60_000), new Payout(2, 30_000), new Payout(3, 10_050)],
        [
            new PoolEntry("P001", false, [new EntryBid("east-1", 50), new EntryBid("south-1", 30), new EntryBid("west-2", 20)]),
            new PoolEntry("P002", true, [new EntryBid("east-1", 50), new EntryBid("midwest-1", 50)]),
            new PoolEntry("P003", false, [new EntryBid("south-1", 10), new EntryBid("west-16", 40), new EntryBid("east-8", 50)]),
        ],
        "sha256:pool");

    public static AdvancementTable Advancement(double sigma = 10, string state = "pre_tournament") => new(
        "art-adv-1", Digest, "kenpom-logistic", sigma, state,
        [
            new AdvancementRow("east-1", "East 1", 1, "East", [1, 0.95, 0.8, 0.6, 0.45, 0.3, 0.2], 400.5),
            new AdvancementRow("west-16", "West 16", 16, "West", [1, 0.02, 0.0004, 0, 0, 0, 0], 1.2),
        ]);

    /// <summary>The advancement metrics JSON as the run handler writes it (camelCase).</summary>
    public static string AdvancementJson(AdvancementTable table) => JsonSerializer.Serialize(new
    {
        kind = "advancement",
        engineVersion = "test",
        tournamentId = "ncaa-2025",
        tournamentDigest = table.TournamentDigest,
        model = new { kind = table.ModelKind, sigma = table.Sigma },
        startingState = table.StartingState,
        scoringRules = ScoringRule.HouseRules.Select(r => new { winIndex = r.WinIndex, pointsAwarded = r.PointsAwarded }),
        teamCount = table.Rows.Count,
        teams = table.Rows.Select(r => new
        {
            teamId = r.TeamId, name = r.Name, seed = r.Seed, region = r.Region, pRound = r.PRound, pChampion = r.PRound[6],
            expectedPoints = r.ExpectedPoints,
        }),
    });

    public static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
