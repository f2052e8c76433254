using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Simulations;
using LabSandbox.Grains.Runs.Abstractions;
using LabSandbox.Grains.Runs.FieldFit;
using LabSandbox.Grains.Runs.MarketShare;
using LabSandbox.Grains.Runs.Pinning;
using LabSandbox.Grains.Runs.StrategyGeneration;

namespace LabSandbox.Grains.Runs.Simulation;

/// <summary>
/// A modeled field compiled once per silo from its pinned artifacts: hands out the field source of a seed (a run's
/// seed: its fields are drawn from (seed, field index) only), the seat's own entry where the pool has one, and how many
/// opponents the seat faces — as many as its real opponents (the pinned entries other than the excluded one and the seat).
/// </summary>
public sealed class FieldSampler
{
    private readonly Func<long, ModeledFieldSource> _sourceFor;

    private FieldSampler(string model, int opponents, PoolEntrant? seat, Func<long, ModeledFieldSource> sourceFor)
    {
        Model = model;
        Opponents = opponents;
        Seat = seat;
        _sourceFor = sourceFor;
    }

    public string Model { get; }

    public int Opponents { get; }

    /// <summary>The pool's entry in the seat (a simulation's focus candidate or excluded entry); null when it has none.</summary>
    public PoolEntrant? Seat { get; }

    public ModeledFieldSource SourceFor(long seed) => _sourceFor(seed);

    public static async Task<FieldSampler> LoadAsync(
        IGrainFactory grains, FieldInputs field, BracketTournament tournament, PoolRules rules, IReadOnlyList<PoolEntry> entries, string? excludedEntryKey)
    {
        var document = await PinnedArtifacts.ReadInlineAsync<FieldParametersDocument>(grains, field.ParametersArtifactId);
        if (document.FieldModel != field.Model)
        {
            throw new NonRetryableRunException($"Artifact '{field.ParametersArtifactId}' holds {document.FieldModel} parameters, not {field.Model}.");
        }

        var opponents = entries.Count(e => e.EntryKey != excludedEntryKey && e.EntryKey != field.SeatEntryKey);
        var seat = entries.Where(e => e.EntryKey == field.SeatEntryKey).ToEntrants().SingleOrDefault();
        var bounds = OptimizerInputs.Bounds(rules);
        try
        {
            if (document.MarketSampled is { } market)
            {
                var shares = await PinnedArtifacts.ReadInlineAsync<MarketShareDocument>(
                    grains, field.MarketShareArtifactId ?? throw new NonRetryableRunException("A market_sampled field needs a pinned market_share artifact."));
                var sampler = new MarketSampledField(market, bounds, new MarketShares(shares.Teams.Select(t => new TeamShare(t.TeamId, t.Share)).ToList()));
                return new FieldSampler(field.Model, opponents, seat, seed => new ModeledFieldSource(sampler, opponents, seed));
            }

            var history = new HistoryResampledField(
                document.HistoryResampled ?? throw new NonRetryableRunException($"Artifact '{field.ParametersArtifactId}' holds no parameters."), tournament, bounds);
            return new FieldSampler(field.Model, opponents, seat, seed => new ModeledFieldSource(history, opponents, seed));
        }
        catch (ArgumentException ex)
        {
            // Parameters or a market that cannot draw this pool's field fail every attempt alike.
            throw new NonRetryableRunException($"The {field.Model} field cannot be drawn for this pool: {ex.Message}");
        }
    }
}
