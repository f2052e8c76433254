using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// A modeled field (<c>market_sampled</c> or <c>history_resampled</c>) of a fixed number of opponents under one seed:
/// field i is the sampler's draw (opponents, seed, i), so it is the same on any worker and in any order.
/// </summary>
public sealed class ModeledFieldSource : IFieldSource
{
    private readonly Func<long, IReadOnlyList<PoolEntrant>> _draw;

    public ModeledFieldSource(MarketSampledField field, int opponents, long seed)
        : this(FieldModelKinds.MarketSampled, FieldModelKinds.MarketSampledVersion, opponents, seed, i => field.Draw(opponents, seed, i))
    {
        ArgumentNullException.ThrowIfNull(field);
    }

    public ModeledFieldSource(HistoryResampledField field, int opponents, long seed)
        : this(FieldModelKinds.HistoryResampled, FieldModelKinds.HistoryResampledVersion, opponents, seed, i => field.Draw(opponents, seed, i))
    {
        ArgumentNullException.ThrowIfNull(field);
    }

    private ModeledFieldSource(string kind, string version, int opponents, long seed, Func<long, IReadOnlyList<PoolEntrant>> draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(opponents);
        Kind = kind;
        Version = version;
        Opponents = opponents;
        Seed = seed;
        _draw = draw;
    }

    /// <summary>The field model (<see cref="FieldModelKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>The sampler's version, pinned with every result drawn from it.</summary>
    public string Version { get; }

    public long Seed { get; }

    public int Opponents { get; }

    public bool IsFixed => false;

    public IReadOnlyList<PoolEntrant> Draw(long fieldIndex) => _draw(fieldIndex);
}
