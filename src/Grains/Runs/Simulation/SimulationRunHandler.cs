using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// Executes a simulation run: fans its chunks out to chunk grains across the cluster with bounded
/// concurrency, merges their exact totals, checkpoints them in batches, and resumes from the last
/// checkpoint so only missing chunks run again. Results never depend on chunking or placement.
/// </summary>
public sealed class SimulationRunHandler(SimulationModelCache models) : IRunHandler
{
    public string Kind => RunKinds.Simulation;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var parameters = context.ReadParams<SimulationParams>();
        var inputs = new SimulationInputs(
            PinnedDatasets.Single(context.Spec, DatasetKinds.Tournament),
            PinnedDatasets.Pool(context.Spec),
            parameters.AdvancementModel.Sigma, parameters.StartingState, parameters.ExcludedEntryKey,
            parameters.Field is { } field
                ? new FieldInputs(field.Model, field.ParametersArtifactId, field.MarketShareArtifactId, (parameters.FocusCandidateId ?? parameters.ExcludedEntryKey)!)
                : null);
        var compiled = await models.GetAsync(inputs, context.Grains);

        var fanOut = new ChunkFanOut(context, parameters, inputs, compiled);
        var totals = await fanOut.RunAsync(cancellationToken);

        var metrics = SimulationMetrics.From(totals, compiled.Pool);
        var document = new SimulationMetricsDocument(
            Kind, context.Spec.EngineVersion, context.Spec.DatasetRefs, parameters.AdvancementArtifactId, parameters.AdvancementModel,
            parameters.StartingState, parameters.Seed, parameters.NSims, parameters.ExcludedEntryKey,
            parameters.FocusCandidateId, FocusEntryKey: parameters.FocusCandidateId,
            metrics.Entries, metrics.Teams, FieldUsed.Of(parameters.Field, compiled.Fielded, (parameters.FocusCandidateId ?? parameters.ExcludedEntryKey)!));
        var lineage = context.Lineage();
        var summary = new Dictionary<string, string>
        {
            ["nSims"] = parameters.NSims.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entries"] = metrics.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["topEntry"] = metrics.Entries[0].EntryKey,
        };
        return new RunOutput(
        [
            context.Metrics(document, summary),
            new ArtifactDraft("entry_distributions", "application/x-ndjson", "entry_distributions.jsonl",
                Distributions(totals, compiled.Pool), Inline: false, summary, lineage),
        ]);
    }

    private static byte[] Distributions(SimulationAccumulator totals, PoolModel pool)
    {
        var text = new StringBuilder();
        for (var e = 0; e < pool.EntryCount; e++)
        {
            var histogram = new List<PayoutCount>();
            for (var b = 0; b < totals.PayoutBuckets; b++)
            {
                var count = totals.PayoutHistogram[(e * totals.PayoutBuckets) + b];
                if (count > 0)
                {
                    histogram.Add(new PayoutCount(pool.PayoutAmounts[b], count));
                }
            }

            var line = new EntryDistribution(
                pool.EntryKeys[e], totals.Simulations,
                totals.PositionCounts.AsSpan(e * PoolModel.CountedPositions, PoolModel.CountedPositions).ToArray(),
                totals.InTheMoney[e], histogram);
            text.Append(JsonSerializer.Serialize(line, ContentDigest.Options)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
