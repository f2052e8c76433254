using System.Globalization;
using System.Text.Json;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>One team's probabilities: <see cref="PRound"/>[r−1] = P(progress ≥ r), r = 1 (reach the round of 64) … 7 (title).</summary>
public sealed record AdvancementRow(
    string TeamId, string Name, int Seed, string Region, IReadOnlyList<double> PRound, double ExpectedPoints);

/// <summary>
/// The per-team table of an advancement run's <c>metrics</c> artifact, as the heat map shows it: which tournament
/// version, model and starting state it was computed for, and each team's reach probabilities.
/// </summary>
public sealed record AdvancementTable(
    string ArtifactId, string TournamentDigest, string ModelKind, double Sigma, string StartingState, IReadOnlyList<AdvancementRow> Rows)
{
    public const int Levels = 7;

    /// <summary>Column headings for P(progress ≥ r): the round a team reaches.</summary>
    public static string LevelName(int level) => level switch
    {
        1 => "Round of 64",
        2 => "Round of 32",
        3 => "Sweet 16",
        4 => "Elite Eight",
        5 => "Final Four",
        6 => "Final",
        _ => "Champion",
    };

    /// <summary>
    /// Reads the artifact's JSON (camelCase, as the advancement handler writes it). Only the fields the page shows
    /// are read, so the UI does not depend on the engine's types.
    /// </summary>
    /// <exception cref="JsonException">The content is not an advancement metrics document.</exception>
    public static AdvancementTable Parse(string artifactId, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var model = root.GetProperty("model");
        var rows = root.GetProperty("teams").EnumerateArray().Select(t => new AdvancementRow(
                t.GetProperty("teamId").GetString()!,
                t.GetProperty("name").GetString()!,
                t.GetProperty("seed").GetInt32(),
                t.GetProperty("region").GetString()!,
                t.GetProperty("pRound").EnumerateArray().Select(p => p.GetDouble()).ToList(),
                t.GetProperty("expectedPoints").GetDouble()))
            .ToList();
        if (rows.Any(r => r.PRound.Count != Levels))
        {
            throw new JsonException($"every team needs {Levels} round probabilities");
        }

        return new AdvancementTable(artifactId, root.GetProperty("tournamentDigest").GetString()!,
            model.GetProperty("kind").GetString()!, model.GetProperty("sigma").GetDouble(),
            root.GetProperty("startingState").GetString()!, rows);
    }
}

/// <summary>The starting states an advancement run accepts, with words for them.</summary>
public static class StartingStates
{
    public const string PreTournament = "pre_tournament";

    public static IReadOnlyList<string> All { get; } =
        [PreTournament, "post_first_four", "through_round:2", "through_round:3", "through_round:4", "through_round:5", "through_round:6"];

    public static string Describe(string state) => state switch
    {
        PreTournament => "Before the tournament",
        "post_first_four" => "After the First Four",
        _ when state.StartsWith("through_round:", StringComparison.Ordinal)
            && int.TryParse(state["through_round:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var level) =>
            $"After the {Datasets.BracketView.RoundName(level)}",
        _ => state,
    };
}
