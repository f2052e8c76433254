using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>INV-2: same inputs + seed ⇒ bit-identical totals, whatever the chunking or the kernel instance.</summary>
public sealed class DeterminismTests
{
    private const ulong Seed = 20250321;
    private const int Simulations = 20_000;

    /// <summary>The real 2025 pool: 6 paid positions totalling $1,410.00.</summary>
    private const long PrizeCents2025 = 141_000;

    [Fact]
    public void The_same_seed_twice_gives_identical_bytes()
    {
        var first = SimulationData.Kernel(2025, StartingState.PreTournament);
        var second = SimulationData.Kernel(2025, StartingState.PreTournament);
        var a = first.CreateAccumulator();
        var b = second.CreateAccumulator();
        var again = first.CreateAccumulator();

        first.Run(Seed, 0, 5_000, a);
        second.Run(Seed, 0, 5_000, b);
        first.Run(Seed, 0, 5_000, again);

        Assert.Equal(a.ToCanonicalBytes(), b.ToCanonicalBytes());
        Assert.Equal(a.ToCanonicalBytes(), again.ToCanonicalBytes());
        Assert.Equal(a.Digest(), again.Digest());
        Assert.Equal(64, a.Digest().Length);
    }

    [Fact]
    public void Chunk_sizes_1_7_1000_and_n_give_identical_bytes()
    {
        // Two kernels take chunks in turn, as two silos would: no state may leak from one chunk to the next.
        SimulationKernel[] kernels = [SimulationData.Kernel(2025, StartingState.PreTournament), SimulationData.Kernel(2025, StartingState.PreTournament)];
        SimulationAccumulator? whole = null;
        byte[]? reference = null;
        foreach (var chunk in new[] { Simulations, 1000, 7, 1 })
        {
            var merged = kernels[0].CreateAccumulator();
            var index = 0;
            for (long start = 0; start < Simulations; start += chunk)
            {
                var part = kernels[0].CreateAccumulator();
                kernels[index++ % 2].Run(Seed, start, Math.Min(chunk, Simulations - start), part);
                merged.Merge(part);
            }

            Assert.Equal(Simulations, merged.Simulations);
            var bytes = merged.ToCanonicalBytes();
            whole ??= merged;
            reference ??= bytes;
            Assert.True(reference.AsSpan().SequenceEqual(bytes), $"chunk size {chunk} changed the canonical bytes.");
        }

        // The totals are real totals: every simulation pays out the whole prize and places every team once.
        Assert.NotNull(whole);
        Assert.Equal(PrizeCents2025 * Simulations, whole.PayoutCents.Sum());
        for (var t = 0; t < whole.TeamCount; t++)
        {
            Assert.Equal(Simulations, whole.TeamProgressCounts.AsSpan(t * 8, 8).ToArray().Sum());
        }
    }

    [Fact]
    public void A_different_seed_gives_different_bytes()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PreTournament);
        var a = kernel.CreateAccumulator();
        var b = kernel.CreateAccumulator();

        kernel.Run(Seed, 0, 2_000, a);
        kernel.Run(Seed + 1, 0, 2_000, b);

        Assert.NotEqual(a.ToCanonicalBytes(), b.ToCanonicalBytes());
        Assert.NotEqual(a.TeamProgressCounts, b.TeamProgressCounts);
    }

    [Fact]
    public void A_simulation_depends_only_on_seed_and_index()
    {
        // Simulation 1234 run alone equals simulations 0..1234 minus simulations 0..1233.
        var kernel = SimulationData.Kernel(2025, StartingState.PreTournament);
        var alone = kernel.CreateAccumulator();
        var upTo = kernel.CreateAccumulator();
        var before = kernel.CreateAccumulator();

        kernel.Run(Seed, 1234, 1, alone);
        kernel.Run(Seed, 0, 1235, upTo);
        kernel.Run(Seed, 0, 1234, before);

        Assert.Equal(upTo.TeamProgressCounts.Zip(before.TeamProgressCounts, (x, y) => x - y), alone.TeamProgressCounts);
        Assert.Equal(upTo.PayoutCents.Zip(before.PayoutCents, (x, y) => x - y), alone.PayoutCents);
        Assert.Equal(upTo.PointsSum.Zip(before.PointsSum, (x, y) => x - y), alone.PointsSum);
    }
}
