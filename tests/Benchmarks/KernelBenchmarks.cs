using BenchmarkDotNet.Attributes;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Benchmarks;

/// <summary>
/// Full simulations (tournament, pool scoring, standings, accumulation) on one thread. Each invocation runs
/// <see cref="Simulations"/> simulations, so the reported time is per simulation; each invocation runs the
/// next range of simulation indexes, so no two invocations repeat the same draws.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class KernelBenchmarks
{
    private const int Simulations = 100_000;
    private const ulong Seed = 20250320;

    private SimulationKernel _preTournament = null!;
    private SimulationKernel _postFirstFour = null!;
    private SimulationAccumulator _accumulator = null!;
    private long _invocation;

    [GlobalSetup]
    public void Setup()
    {
        _preTournament = Pool2025.CreateKernel(StartingState.PreTournament);
        _postFirstFour = Pool2025.CreateKernel(StartingState.PostFirstFour);
        _accumulator = _preTournament.CreateAccumulator();
    }

    [Benchmark(OperationsPerInvoke = Simulations)]
    public long FullSimulations2025()
    {
        _preTournament.Run(Seed, _invocation++ * Simulations, Simulations, _accumulator);
        return _accumulator.Simulations;
    }

    [Benchmark(OperationsPerInvoke = Simulations)]
    public long FullSimulations2025PostFirstFour()
    {
        _postFirstFour.Run(Seed, _invocation++ * Simulations, Simulations, _accumulator);
        return _accumulator.Simulations;
    }
}
