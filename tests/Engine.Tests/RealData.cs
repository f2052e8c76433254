using System.Text.Json;
using System.Text.Json.Serialization;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Engine.Tests;

/// <summary>The bundled real data, copied next to the test binaries; read once per test run.</summary>
internal static class RealData
{
    private static readonly Lazy<IReadOnlyList<RealYear>> Years = new(() => RealDataReader.ReadFolder(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "data", "real");

    public static IReadOnlyList<int> TournamentYears => Years.Value.Select(y => y.Tournament.Year).ToList();

    /// <summary>The year's tournament as the engine reads it, mapped as the grains map it.</summary>
    public static BracketTournament Tournament(int year) =>
        Years.Value.Single(y => y.Tournament.Year == year).Tournament.ToBracketTournament();

    /// <summary>Every year with a tournament, as xunit theory data.</summary>
    public static TheoryData<int> AllYears()
    {
        var data = new TheoryData<int>();
        foreach (var year in TournamentYears)
        {
            data.Add(year);
        }

        return data;
    }

    /// <summary>Years that have a golden file in <c>derived/</c>.</summary>
    public static TheoryData<int> GoldenYears()
    {
        var data = new TheoryData<int>();
        foreach (var year in new[] { 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025 })
        {
            data.Add(year);
        }

        return data;
    }

    public static GoldenFile Golden(int year)
    {
        var path = Path.Combine(Folder, "derived", $"{year}_analytic_predictions_sigma10.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<GoldenFile>(stream, GoldenOptions)
            ?? throw new InvalidDataException($"{path}: empty document.");
    }

    private static readonly JsonSerializerOptions GoldenOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}

internal sealed record GoldenFile(int Year, double Sigma, int ThroughRound, List<GoldenTeam> Teams);

internal sealed record GoldenTeam(
    string SchoolSlug,
    int Seed,
    string Region,
    [property: JsonPropertyName("p_round_1_to_7")] double[] PRound1To7,
    double ExpectedPointsRealRules);
