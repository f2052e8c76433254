using System.Text.Json;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>A choice of advancement metrics for the simulation form: the artifact and what it was computed for.</summary>
public sealed record AdvancementChoice(string ArtifactId, string Label, string? StartingState);

/// <summary>What the new-run form offers to pick: the metrics of the latest succeeded advancement runs.</summary>
public static class NewRunChoices
{
    private const int Latest = 25;

    public static async Task<IReadOnlyList<AdvancementChoice>> AdvancementsAsync(IClusterClient cluster)
    {
        var page = await RunCatalog.ListAsync(cluster, new RunQuery(RunKinds.Advancement, RunStatus.Succeeded, null, Latest));
        var runs = await Task.WhenAll(page.Items.Select(e => cluster.GetGrain<IRunGrain>(e.RunId).GetAsync()));
        return runs.OfType<RunSnapshot>()
            .Select(run => (run, metrics: run.Artifacts.FirstOrDefault(a => a.Kind == ArtifactKinds.Metrics)))
            .Where(x => x.metrics is not null)
            .Select(x => Choice(x.run, x.metrics!.ArtifactId))
            .ToList();
    }

    private static AdvancementChoice Choice(RunSnapshot run, string artifactId)
    {
        var tournament = run.Spec.DatasetRefs.FirstOrDefault(d => d.Kind == DatasetKinds.Tournament)?.Id ?? "?";
        string? state = null;
        double? sigma = null;
        using (var doc = JsonDocument.Parse(run.Spec.ParamsJson))
        {
            if (doc.RootElement.TryGetProperty("startingState", out var s) && s.ValueKind == JsonValueKind.String)
            {
                state = s.GetString();
            }

            if (doc.RootElement.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.Object
                && m.TryGetProperty("sigma", out var g) && g.TryGetDouble(out var value))
            {
                sigma = value;
            }
        }

        var label = $"{tournament} · {state ?? "?"}{(sigma is { } v ? $" · sigma {v:0.##}" : "")} · {run.RunId}";
        return new AdvancementChoice(artifactId, label, state);
    }
}
