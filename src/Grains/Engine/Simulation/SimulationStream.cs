using System.Runtime.CompilerServices;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// The random stream of one simulation: SplitMix64 started from a state that depends only on
/// (seed, simulation index), so any simulation can be computed alone, on any worker, in any order.
/// </summary>
/// <remarks>
/// State of simulation i: <c>Mix(seed ⊕ Mix(i))</c>. Draw k of that simulation is
/// <c>Mix(state + (k + 1)·γ)</c> with γ the golden-ratio increment, so skipping ahead is O(1).
/// Game g of the compiled bracket uses the upper (g even) or lower (g odd) 32 bits of draw g / 2,
/// whether or not earlier games are locked: the same game always sees the same number.
/// </remarks>
public static class SimulationStream
{
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The stream's starting state for simulation <paramref name="index"/> under <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong StateFor(ulong seed, ulong index) => Mix(seed ^ Mix(index));

    /// <summary>The k-th 64-bit draw (k ≥ 0) of a stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Draw(ulong state, ulong k) => Mix(state + (k + 1) * Gamma);

    /// <summary>SplitMix64's finaliser (Stafford's variant 13).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
