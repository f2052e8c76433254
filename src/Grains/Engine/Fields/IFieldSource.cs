using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// Where a seat's opponents come from, field by field (<see cref="FieldBlocks"/>): the real entries every time, or a
/// modeled field drawn from (seed, field index) only.
/// </summary>
public interface IFieldSource
{
    /// <summary>How many opponents every field holds.</summary>
    int Opponents { get; }

    /// <summary>True when every field index gives the same entries (the real field): callers compile it once.</summary>
    bool IsFixed { get; }

    /// <summary>The opponents of field <paramref name="fieldIndex"/>, entry keys unique and stable across fields.</summary>
    IReadOnlyList<PoolEntrant> Draw(long fieldIndex);
}
