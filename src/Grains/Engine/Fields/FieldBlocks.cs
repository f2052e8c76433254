namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// How simulations share modeled fields: simulation i plays field i / <see cref="SimulationsPerField"/>. The field
/// depends on (seed, field index) only, so a chunk boundary or a silo never changes which field a simulation plays
/// (INV-2), and a block of simulations amortizes one draw and one pool compilation.
/// </summary>
public static class FieldBlocks
{
    public const long SimulationsPerField = 1_000;

    /// <summary>The field simulation <paramref name="simulationIndex"/> plays.</summary>
    public static long FieldOf(long simulationIndex) => simulationIndex / SimulationsPerField;

    /// <summary>
    /// [start, start + count) cut at field boundaries, in order: each piece is one field's simulations within the range.
    /// </summary>
    public static IEnumerable<(long FieldIndex, long Start, long Count)> Split(long start, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = start + count;
        for (var i = start; i < end;)
        {
            var field = FieldOf(i);
            var next = Math.Min(end, (field + 1) * SimulationsPerField);
            yield return (field, i, next - i);
            i = next;
        }
    }
}
