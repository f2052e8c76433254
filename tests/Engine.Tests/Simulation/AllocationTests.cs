using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>
/// The kernel's steady state allocates nothing, so memory does not depend on nSims. "Steady" means
/// after the JIT has settled: a tier-up (on-stack replacement, PGO rejit) can allocate on the running thread
/// during the first large batches, so the measured batch is the last of several identical ones.
/// </summary>
public sealed class AllocationTests
{
    private const int Batches = 6;
    private const int BatchSize = 50_000;

    [Fact]
    public void A_warm_kernel_runs_50000_simulations_without_allocating()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PreTournament);
        var totals = kernel.CreateAccumulator();
        var allocated = LastBatchAllocation(start => kernel.Run(99, start, BatchSize, totals));

        Assert.Equal(0, allocated);
        Assert.Equal(Batches * BatchSize, totals.Simulations);
    }

    [Fact]
    public void Tournament_only_runs_allocate_nothing_either()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PostFirstFour);
        var counts = new long[68 * 8];
        var allocated = LastBatchAllocation(start => kernel.RunTournaments(99, start, BatchSize, counts));

        Assert.Equal(0, allocated);
        Assert.Equal(Batches * BatchSize, counts.AsSpan(0, 8).ToArray().Sum());
    }

    /// <summary>Runs <see cref="Batches"/> consecutive batches; returns the bytes the last one allocated on this thread.</summary>
    private static long LastBatchAllocation(Action<long> runBatchFrom)
    {
        long allocated = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            runBatchFrom((long)batch * BatchSize);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return allocated;
    }
}
