using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// The random stream of one field: started from (seed, field index) only, as a simulation's stream is started from
/// (seed, simulation index), so field i is the same whichever worker draws it and whatever was drawn before (INV-2).
/// Each model salts the seed so the two models, and the tournaments of the same seed, never share a stream.
/// </summary>
internal static class FieldStream
{
    public const ulong MarketSampledSalt = 0x4D4B545F53414D50UL; // "MKT_SAMP"
    public const ulong HistoryResampledSalt = 0x484953545F524553UL; // "HIST_RES"

    public static SeededRandom For(ulong salt, long seed, long fieldIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldIndex);
        var state = SimulationStream.StateFor(SimulationStream.Mix((ulong)seed ^ salt), (ulong)fieldIndex);
        return new SeededRandom((long)state);
    }
}
