using System.Text;
using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Pinning;

namespace LabSandbox.Grains.Runs.Advancement;

/// <summary>Computes exact advancement probabilities for the pinned tournament version.</summary>
public sealed class AdvancementRunHandler : IRunHandler
{
    public string Kind => RunKinds.Advancement;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var parameters = context.ReadParams<AdvancementParams>();
        var tournament = await PinnedDatasets.TournamentAsync(context.Grains, PinnedDatasets.Single(context.Spec, DatasetKinds.Tournament));

        if (!StartingState.TryParse(parameters.StartingState, out var startingState, out var error))
        {
            throw new NonRetryableRunException(error);
        }

        await context.ReportProgressAsync("compute", 0, "computing exact advancement probabilities");

        // CPU work runs on the thread pool, never on the Orleans scheduler.
        var result = await Task.Run(
            () => AdvancementCalculator.Compute(
                tournament.ToBracketTournament(), parameters.Model.Sigma, startingState, parameters.ScoringRules.ToRoundPoints()),
            cancellationToken);

        var names = tournament.Teams.ToDictionary(t => t.TeamId, t => t.Name);
        var rows = result.Teams
            .Select(t => new AdvancementTeamRow(t.TeamId, names[t.TeamId], t.Seed, t.Region, t.ReachProbabilities, t.ReachProbabilities[6], t.ExpectedPoints))
            .OrderByDescending(r => r.ExpectedPoints).ThenBy(r => r.TeamId, StringComparer.Ordinal)
            .ToList();
        var metrics = new AdvancementMetrics(
            Kind, context.Spec.EngineVersion, tournament.TournamentId, tournament.Digest, parameters.Model,
            parameters.StartingState, parameters.ScoringRules, rows.Count,
            rows.Sum(r => r.PChampion), rows.Sum(r => r.ExpectedPoints), rows);

        var lineage = context.Lineage();
        var summary = new Dictionary<string, string>
        {
            ["teams"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["favorite"] = rows.OrderByDescending(r => r.PChampion).ThenBy(r => r.TeamId, StringComparer.Ordinal).First().TeamId,
            ["startingState"] = parameters.StartingState,
        };
        await context.ReportProgressAsync("compute", 100, "advancement computed");
        return new RunOutput(
        [
            context.Metrics(metrics, summary),
            new ArtifactDraft(ArtifactKinds.Advancement, "application/x-ndjson", "advancement.jsonl",
                ToJsonLines(rows), Inline: false, summary, lineage),
        ]);
    }

    private static byte[] ToJsonLines(IEnumerable<AdvancementTeamRow> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(JsonSerializer.Serialize(row, ContentDigest.Options)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
