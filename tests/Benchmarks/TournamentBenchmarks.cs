using BenchmarkDotNet.Attributes;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Benchmarks;

/// <summary>
/// Tournaments only (no pool) on one thread: <see cref="Simulations"/> per invocation, so the reported time
/// is per tournament; each invocation runs the next range of simulation indexes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class TournamentBenchmarks
{
    private const int Simulations = 100_000;
    private const ulong Seed = 20250320;

    private SimulationKernel _kernel = null!;
    private long[] _counts = null!;
    private long _invocation;

    [GlobalSetup]
    public void Setup()
    {
        _kernel = Pool2025.CreateKernel(StartingState.PreTournament);
        _counts = new long[CompiledBracket.TeamCount * SimulationAccumulator.ProgressLevels];
    }

    [Benchmark(OperationsPerInvoke = Simulations)]
    public long Tournaments2025()
    {
        _kernel.RunTournaments(Seed, _invocation++ * Simulations, Simulations, _counts);
        return _counts[0];
    }
}
