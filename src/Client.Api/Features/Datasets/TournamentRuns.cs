using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>An advancement run of a tournament version, with the model and starting state its params pinned.</summary>
/// <param name="HouseRules">Scored with the house rules (the heat map only shows probabilities, which do not depend on scoring).</param>
public sealed record AdvancementRunChoice(
    string RunId, RunStatus Status, double Sigma, string StartingState, bool HouseRules, DateTimeOffset CreatedAt,
    string? MetricsArtifactId, double? Percent);

/// <summary>A run that pinned a dataset version, with its current status.</summary>
public sealed record DatasetRunRow(string RunId, string Kind, RunStatus Status, bool DeadLettered, DateTimeOffset CreatedAt, string DatasetKind);

public sealed record DatasetRunsPage(IReadOnlyList<DatasetRunRow> Items, int Total, RunCursor? Next);

/// <summary>
/// What the tournament page needs about runs: the advancement runs of its digest (for the heat map), a page of
/// every run that pinned it, reading an advancement artifact, and starting an advancement run through the same
/// run factory as <c>POST /api/v1/runs</c>.
/// </summary>
public static class TournamentRuns
{
    /// <summary>More advancement runs than any model/state menu needs; the newest come first.</summary>
    private const int MaxAdvancementRuns = 200;

    public static async Task<IReadOnlyList<AdvancementRunChoice>> ListAdvancementRunsAsync(IClusterClient cluster, string digest)
    {
        var page = await cluster.GetGrain<IDatasetRunIndexGrain>(digest)
            .QueryAsync(new DatasetRunQuery(RunKinds.Advancement, null, MaxAdvancementRuns));
        var snapshots = await Task.WhenAll(page.Items.Select(e => cluster.GetGrain<IRunGrain>(e.RunId).GetAsync()));
        var choices = new List<AdvancementRunChoice>();
        foreach (var run in snapshots.OfType<RunSnapshot>())
        {
            choices.Add(await ChoiceAsync(cluster, run));
        }

        return choices;
    }

    /// <summary>The run read again (for live progress), or null when it is gone.</summary>
    public static async Task<AdvancementRunChoice?> ReadChoiceAsync(IClusterClient cluster, string runId) =>
        await cluster.GetGrain<IRunGrain>(runId).GetAsync() is { } run ? await ChoiceAsync(cluster, run) : null;

    public static async Task<DatasetRunsPage> ListRunsAsync(IClusterClient cluster, string digest, RunCursor? after, int limit)
    {
        var page = await cluster.GetGrain<IDatasetRunIndexGrain>(digest).QueryAsync(new DatasetRunQuery(null, after, limit));
        var snapshots = await Task.WhenAll(page.Items.Select(e => cluster.GetGrain<IRunGrain>(e.RunId).GetAsync()));
        var rows = page.Items.Zip(snapshots)
            .Select(x => new DatasetRunRow(x.First.RunId, x.First.Kind, x.Second?.Status ?? RunStatus.Queued,
                x.Second?.DeadLettered ?? false, x.First.CreatedAt, x.First.DatasetKind))
            .ToList();
        var next = rows.Count == limit ? new RunCursor(rows[^1].CreatedAt, rows[^1].RunId) : null;
        return new DatasetRunsPage(rows, page.Total, next);
    }

    /// <summary>The artifact's table, or null when it is missing or its bytes were retained away.</summary>
    public static async Task<AdvancementTable?> ReadTableAsync(IClusterClient cluster, IArtifactStore store, string artifactId)
    {
        var record = await cluster.GetGrain<IArtifactGrain>(artifactId).GetAsync();
        if (record is null || record.DeletedAt is not null)
        {
            return null;
        }

        if (record.InlineContent is { } inline)
        {
            return AdvancementTable.Parse(artifactId, inline);
        }

        await using var stream = await store.OpenReadAsync(record.StorageUri!);
        using var reader = new StreamReader(stream);
        return AdvancementTable.Parse(artifactId, await reader.ReadToEndAsync());
    }

    /// <summary>Starts an advancement run with the house rules, validated and pinned by the run factory as the API's create is.</summary>
    public static Task<RunCreation> StartAsync(IClusterClient cluster, string tournamentId, double sigma, string startingState)
    {
        var request = new JsonObject
        {
            ["kind"] = RunKinds.Advancement,
            ["tournamentId"] = tournamentId,
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = sigma },
            ["startingState"] = startingState,
        };
        return cluster.GetGrain<IRunFactoryGrain>(0).CreateAsync(request.ToJsonString(), idempotencyKey: null);
    }

    private static async Task<AdvancementRunChoice> ChoiceAsync(IClusterClient cluster, RunSnapshot run)
    {
        // Canonical params: {model: {kind, sigma}, scoringRules: [...], startingState, tournamentId}.
        using var json = JsonDocument.Parse(run.Spec.ParamsJson);
        var root = json.RootElement;
        var sigma = root.TryGetProperty("model", out var model) && model.TryGetProperty("sigma", out var s) ? s.GetDouble() : double.NaN;
        var state = root.TryGetProperty("startingState", out var st) ? st.GetString() ?? "" : "";
        var house = !root.TryGetProperty("scoringRules", out var rules) || IsHouse(rules);
        var metrics = run.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Metrics)?.ArtifactId;
        double? percent = null;
        if (run.Status == RunStatus.Running && await cluster.GetGrain<IRunGrain>(run.RunId).GetEventsAsync(Math.Max(0, run.EventCount - 5), 5) is { } events)
        {
            percent = events.Events.LastOrDefault(e => e.Percent is not null)?.Percent;
        }

        return new AdvancementRunChoice(run.RunId, run.Status, sigma, state, house, run.CreatedAt, metrics, percent);
    }

    private static bool IsHouse(JsonElement rules) =>
        rules.ValueKind == JsonValueKind.Array
        && rules.EnumerateArray().Select(r => new ScoringRule(r.GetProperty("winIndex").GetInt32(), r.GetProperty("pointsAwarded").GetInt32()))
            .SequenceEqual(ScoringRule.HouseRules);

    public static string SigmaText(double sigma) => sigma.ToString("0.###", CultureInfo.InvariantCulture);
}
