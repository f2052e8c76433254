using LabSandbox.Grains.Engine.Advancement;

namespace LabSandbox.Engine.Tests.Simulation;

/// <summary>SPEC §7: the kernel's steady state allocates nothing, so memory does not depend on nSims.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void A_warm_kernel_runs_100000_simulations_without_allocating()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PreTournament);
        var totals = kernel.CreateAccumulator();
        kernel.Run(99, 0, 10_000, totals);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.Run(99, 10_000, 100_000, totals);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(110_000, totals.Simulations);
    }

    [Fact]
    public void Tournament_only_runs_allocate_nothing_either()
    {
        var kernel = SimulationData.Kernel(2025, StartingState.PostFirstFour);
        var counts = new long[68 * 8];
        kernel.RunTournaments(99, 0, 10_000, counts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        kernel.RunTournaments(99, 10_000, 100_000, counts);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(110_000, counts.AsSpan(0, 8).ToArray().Sum());
    }
}
