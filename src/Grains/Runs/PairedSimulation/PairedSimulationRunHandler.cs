using System.Globalization;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Experiments;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.Simulation;

namespace LabSandbox.Grains.Runs.PairedSimulation;

/// <summary>
/// Executes a <c>paired_simulation</c> run (an experiment's evaluation): every variant in the same seat of the
/// pinned field over the same simulated tournaments, off the grain's turn. Writes exact integer totals per
/// variant, so an experiment can merge samples without rounding.
/// </summary>
public sealed class PairedSimulationRunHandler(SimulationModelCache models) : IRunHandler
{
    public string Kind => RunKinds.PairedSimulation;

    public async Task<RunOutput> ExecuteAsync(RunExecutionContext context, CancellationToken cancellationToken)
    {
        var p = context.ReadParams<PairedSimulationParams>();
        var inputs = new SimulationInputs(
            PinnedDatasets.Single(context.Spec, DatasetKinds.Tournament),
            PinnedDatasets.Pool(context.Spec),
            p.Sigma, p.StartingState, p.ExcludedEntryKey,
            p.Field is { } field ? new FieldInputs(field.Model, field.ParametersArtifactId, field.MarketShareArtifactId, p.EntryKey) : null);
        var compiled = await models.GetAsync(inputs, context.Grains);
        if (p.Variants.Count == 0 || p.NSims < 2)
        {
            throw new NonRetryableRunException("A paired simulation needs at least one variant and two simulations.");
        }

        if (p.Field is not null && p.NSims < MinimumModeledSimulations)
        {
            // Its intervals count field blocks (docs/experiments.md#clustered-intervals); the experiment planner asks the same.
            throw new NonRetryableRunException(
                $"A paired simulation over a modeled field needs at least {MinimumModeledSimulations} simulations ({ClusteredStatistics.MinimumClusters} field blocks): its intervals count blocks.");
        }

        var totals = await Task.Run(
            () =>
            {
                var variants = p.Variants.Select(v => v.Bids.ToEntrantBids()).ToList();
                // A modeled field is drawn from the run's seed: every variant meets the same fields and tournaments.
                IFieldSource fields = compiled.Fielded is { } fielded ? fielded.SourceFor(p.Seed) : new RealFieldSource(compiled.Field);
                var evaluator = new PairedEvaluator(compiled.Tournament, fields, variants, p.EntryKey, compiled.ScoringRules, compiled.Payouts);
                var into = evaluator.CreateTotals();
                evaluator.Run((ulong)p.Seed, 0, p.NSims, into, cancellationToken);
                return into;
            },
            cancellationToken);

        static string Text(Int128 value) => value.ToString(CultureInfo.InvariantCulture);
        // Over a modeled field the intervals are cluster-robust (field blocks); the real field's are as they always were.
        PayoutEstimate Payout(int i) => totals.Clustered ? ObjectiveStatistics.PayoutGain(totals.Paired(i).Alone()) : PayoutStatistics.Payout(totals, i);
        PayoutEstimate Gain(int i) => totals.Clustered ? ObjectiveStatistics.PayoutGain(totals.Paired(i)) : PayoutStatistics.Gain(totals, i);
        var variants = p.Variants.Select((v, i) => new PairedVariantMetrics(
            v.Key, v.Bids, totals.Firsts[i], totals.InTheMoney[i],
            totals.PayoutCents[i], Text(totals.PayoutSquares[i]), totals.DiffCents[i], Text(totals.DiffSquares[i]),
            Payout(i).ToPayoutStatistic(), Gain(i).ToPayoutStatistic(),
            Text(totals.PayoutCubes[i]), Text(totals.PayoutFourths[i]), totals.FirstsDiscordant[i], totals.InTheMoneyDiscordant[i],
            Text(totals.Cross11[i]), Text(totals.Cross21[i]), Text(totals.Cross12[i]), Text(totals.Cross22[i]),
            totals.Paired(i).Clusters.ToClusterMetrics())).ToList();
        var document = new PairedSimulationMetrics(
            Kind, context.Spec.EngineVersion, context.Spec.DatasetRefs, p.AdvancementArtifactId, p.StartingState, p.ExcludedEntryKey,
            p.EntryKey, p.Seed, p.NSims, context.Spec.Experiment, variants, FieldUsed.Of(p.Field, compiled.Fielded, p.EntryKey));
        var summary = new Dictionary<string, string>
        {
            ["nSims"] = p.NSims.ToString(CultureInfo.InvariantCulture),
            ["variants"] = p.Variants.Count.ToString(CultureInfo.InvariantCulture),
        };
        return new RunOutput(
        [
            context.Metrics(document, summary),
            context.InlineJson(BidsArtifactKind, "bids.json", p.Variants, summary),
        ]);
    }

    /// <summary>30 field blocks: the fewest a modeled field's clustered intervals rest on.</summary>
    public const long MinimumModeledSimulations = ClusteredStatistics.MinimumClusters * FieldBlocks.SimulationsPerField;

    /// <summary>The variants' bids: what a Candidate born of an experiment points to.</summary>
    public const string BidsArtifactKind = "bids";
}
