namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>A SplitMix64 sequence: the same seed gives the same numbers on every machine and runtime.</summary>
public sealed class SeededRandom(long seed)
{
    private ulong _state = (ulong)seed;

    public ulong NextUInt64()
    {
        _state += SimulationStream.Gamma;
        return SimulationStream.Mix(_state);
    }

    /// <summary>Uniform in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's multiply-shift with rejection).</summary>
    public int Next(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        var range = (ulong)exclusiveMax;
        var threshold = (0UL - range) % range;
        while (true)
        {
            var product = (UInt128)NextUInt64() * range;
            if ((ulong)product >= threshold)
            {
                return (int)(ulong)(product >> 64);
            }
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/> (all ≥ 0, some > 0).</summary>
    public int NextWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return i;
            }
        }

        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        throw new ArgumentException("At least one weight must be positive.", nameof(weights));
    }
}
