using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Experiments;

/// <summary>
/// What an experiment needs before it can start: the metrics of a succeeded advancement run for the pool's
/// tournament (scored by the pool's rules) and a market-share artifact of the pool. A new user has neither, so the
/// form can make them: the same spec-derived runs the Lab's generation makes (same request, same run), started
/// through the run factory, waited for, and their artifact ids handed back. Nothing is looked up as "latest". A
/// modeled field's parameters are made the same way, by the pool's <c>field_fit</c> run.
/// </summary>
public static class ExperimentInputs
{
    public sealed record Prepared(string? AdvancementArtifactId, string? MarketShareArtifactId, string? Error);

    /// <summary>The runs' default win model: what the Lab's own configs use.</summary>
    public const double DefaultSigma = 10;

    /// <summary>Starts (or finds) the advancement run, then the market-share run that pins it; reports each step.</summary>
    public static async Task<Prepared> PrepareAsync(
        IClusterClient cluster, string calcuttaId, string marketModel, string startingState, string? excludedEntryKey,
        Action<string> progress, CancellationToken cancellationToken)
    {
        var pool = await cluster.GetGrain<ICalcuttaGrain>(calcuttaId).GetAsync();
        if (pool is null)
        {
            return new Prepared(null, null, $"Pool '{calcuttaId}' does not exist.");
        }

        var advancementRequest = new JsonObject
        {
            ["tournamentId"] = pool.TournamentId,
            ["model"] = new JsonObject { ["kind"] = "kenpom-logistic", ["sigma"] = DefaultSigma },
            ["startingState"] = startingState,
            ["scoringRules"] = new JsonArray([.. pool.ScoringRules.Select(r => (JsonNode)new JsonObject
            {
                ["winIndex"] = r.WinIndex,
                ["pointsAwarded"] = r.PointsAwarded,
            })]),
        };
        progress("Computing advancement probabilities for the pool's tournament…");
        var advancement = await RunToArtifactAsync(cluster, RunKinds.Advancement, advancementRequest, ArtifactKinds.Metrics, cancellationToken);
        if (advancement.Error is not null)
        {
            return new Prepared(null, null, advancement.Error);
        }

        var marketRequest = new JsonObject
        {
            ["calcuttaId"] = calcuttaId,
            ["model"] = marketModel,
            ["advancementArtifactId"] = advancement.ArtifactId,
        };
        if (excludedEntryKey is not null)
        {
            marketRequest["excludedEntryKey"] = excludedEntryKey;
        }

        progress($"Predicting the market's shares ({marketModel})…");
        var market = await RunToArtifactAsync(cluster, RunKinds.MarketShare, marketRequest, "market_share", cancellationToken);
        return new Prepared(advancement.ArtifactId, market.ArtifactId, market.Error);
    }

    /// <summary>
    /// Starts (or finds: spec-derived) the <c>field_fit</c> run of the pool and field model, fitted on the other years'
    /// pools, and hands back its <c>field_parameters</c> artifact.
    /// </summary>
    public static async Task<(string? ArtifactId, string? Error)> PrepareFieldAsync(
        IClusterClient cluster, string calcuttaId, string fieldModel, Action<string> progress, CancellationToken cancellationToken)
    {
        progress($"Fitting the {fieldModel} field on the other years' pools…");
        var request = new JsonObject { ["calcuttaId"] = calcuttaId, ["fieldModel"] = fieldModel };
        return await RunToArtifactAsync(cluster, "field_fit", request, "field_parameters", cancellationToken);
    }

    private static async Task<(string? ArtifactId, string? Error)> RunToArtifactAsync(
        IClusterClient cluster, string kind, JsonObject request, string artifactKind, CancellationToken cancellationToken)
    {
        var start = await cluster.GetGrain<IRunFactoryGrain>(0).StartSpecDerivedAsync(kind, request.ToJsonString());
        if (start.Outcome != RunStartOutcome.Started || start.RunId is null)
        {
            var problems = start.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
            return (null, $"The {kind} run could not start: {start.Reason ?? string.Join(" ", problems)}");
        }

        // These runs take seconds; poll the run (the same read the run page does) until it ends.
        while (true)
        {
            var run = await cluster.GetGrain<IRunGrain>(start.RunId).GetAsync();
            switch (run?.Status)
            {
                case RunStatus.Succeeded:
                    var artifact = run.Artifacts.FirstOrDefault(a => a.Kind == artifactKind);
                    return artifact is null ? (null, $"Run {start.RunId} has no {artifactKind} artifact.") : (artifact.ArtifactId, null);
                case RunStatus.Failed or RunStatus.Cancelled:
                    return (null, $"Run {start.RunId} {run.Status.ToString().ToLowerInvariant()}: {run.LastError}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);
        }
    }
}
