using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace LabSandbox.Benchmarks;

/// <summary>One out-of-process job sized for a small (2-core) machine: 3 warm-up and 10 measured iterations.</summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig() => AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10));
}
