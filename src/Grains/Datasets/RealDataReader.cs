using System.Text.Json;
using System.Text.Json.Serialization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

/// <summary>
/// Reads the bundled real-data files (<c>data/real/YYYY.json</c>, schema <c>calcutta-real-v1</c>) into
/// tournament and pool snapshots with content digests. Pure: no grains, no clock.
/// </summary>
public static class RealDataReader
{
    public const string SchemaVersion = "calcutta-real-v1";

    /// <summary>The folder that ships next to the host's binaries.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "data", "real");

    /// <summary>Every year file in <paramref name="folder"/>, ordered by year.</summary>
    public static IReadOnlyList<RealYear> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Real data folder '{folder}' does not exist.");
        }

        return Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => int.TryParse(Path.GetFileNameWithoutExtension(f), out _))
            .Select(ReadFile)
            .OrderBy(y => y.Tournament.Year)
            .ToList();
    }

    public static RealYear ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<RealFile>(stream, FileOptions)
            ?? throw new InvalidDataException($"{path}: empty document.");
        if (file.SchemaVersion != SchemaVersion)
        {
            throw new InvalidDataException($"{path}: schema_version '{file.SchemaVersion}' is not '{SchemaVersion}'.");
        }

        var tournament = ToTournament(file);
        var calcutta = file.Calcuttas is { Count: > 0 } pools ? ToCalcutta(file.Year, pools[0]) : null;
        return new RealYear(tournament, calcutta);
    }

    private static TournamentSnapshot ToTournament(RealFile file)
    {
        var teams = file.Teams
            .Select(t => new TournamentTeam(
                t.SchoolSlug, t.SchoolName, t.Seed, t.Region, t.IsFirstFour, t.Byes, t.Wins, t.Progress,
                t.IsEliminated, t.KenPom?.NetRtg))
            .OrderBy(t => t.TeamId, StringComparer.Ordinal)
            .ToList();
        var ff = file.Tournament.FinalFour;
        var snapshot = new TournamentSnapshot(
            DatasetIds.Tournament(file.Year), file.Year, file.Tournament.Name,
            file.Tournament.Regions.Order(StringComparer.Ordinal).ToList(),
            new FinalFourPairing(ff.TopLeft, ff.BottomLeft, ff.TopRight, ff.BottomRight),
            teams, Digest: "");
        return snapshot with { Digest = ContentDigest.OfValue(snapshot) };
    }

    private static CalcuttaSnapshot ToCalcutta(int year, RealPool pool)
    {
        var snapshot = new CalcuttaSnapshot(
            DatasetIds.Calcutta(year), DatasetIds.Tournament(year), year, pool.Name,
            new PoolRules(pool.BudgetPoints, pool.MinTeams, pool.MaxTeams, pool.MinBidPoints, pool.MaxBidPoints),
            pool.ScoringRules.OrderBy(r => r.WinIndex).Select(r => new ScoringRule(r.WinIndex, r.PointsAwarded)).ToList(),
            pool.Payouts.OrderBy(p => p.Position).Select(p => new Payout(p.Position, p.AmountCents)).ToList(),
            pool.Entries
                .OrderBy(e => e.EntryKey, StringComparer.Ordinal)
                .Select(e => new PoolEntry(
                    e.EntryKey, e.LabExcludedEntry,
                    e.Bids.OrderBy(b => b.SchoolSlug, StringComparer.Ordinal)
                        .Select(b => new EntryBid(b.SchoolSlug, b.BidPoints)).ToList()))
                .ToList(),
            Digest: "");
        return snapshot with { Digest = ContentDigest.OfValue(snapshot) };
    }

    private static readonly JsonSerializerOptions FileOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    // The file's shape, only the parts the product uses.
    private sealed record RealFile(string SchemaVersion, int Year, RealTournament Tournament, List<RealTeam> Teams, List<RealPool>? Calcuttas);

    private sealed record RealTournament(string Name, List<string> Regions, RealFinalFour FinalFour);

    private sealed record RealFinalFour(string TopLeft, string BottomLeft, string TopRight, string BottomRight);

    private sealed record RealTeam(
        string SchoolSlug, string SchoolName, int Seed, string Region, bool IsFirstFour, int Byes, int Wins,
        int Progress, bool IsEliminated, [property: JsonPropertyName("kenpom")] RealKenPom? KenPom);

    private sealed record RealKenPom(double? NetRtg);

    private sealed record RealPool(
        string Name, int BudgetPoints, int MinTeams, int MaxTeams, int MaxBidPoints, int MinBidPoints,
        List<RealScoringRule> ScoringRules, List<RealPayout> Payouts, List<RealEntry> Entries);

    private sealed record RealScoringRule(int WinIndex, int PointsAwarded);

    private sealed record RealPayout(int Position, long AmountCents);

    private sealed record RealEntry(string EntryKey, bool LabExcludedEntry, List<RealBid> Bids);

    private sealed record RealBid(string SchoolSlug, int BidPoints);
}

/// <summary>One year of real data: the tournament and, where the year has one, its pool.</summary>
public sealed record RealYear(TournamentSnapshot Tournament, CalcuttaSnapshot? Calcutta);
