using System.Reflection;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;

namespace LabSandbox.Benchmarks;

/// <summary>
/// One out-of-process .NET 10 job sized for a small (2-core) machine: 3 warmup and 10 measured iterations.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>
    /// What CsProjCoreToolchain.From(settings) builds, with the generator swapped for ProjectFileGenerator. One
    /// instance for every benchmark class, so they share one build partition (one generated exe).
    /// </summary>
    private static readonly IToolchain ProjectToolchain = CreateToolchain(NetCoreAppSettings.NetCoreApp10_0);

    public BenchmarkConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(ProjectToolchain));
    }

    // The settings' paths are null by default, which is what BenchmarkDotNet itself passes on; its constructors
    // just do not annotate those parameters as nullable, hence the `!`s.
    private static Toolchain CreateToolchain(NetCoreAppSettings settings) => new(
        settings.Name,
        new ProjectFileGenerator(settings),
        new DotNetCliBuilder(settings.TargetFrameworkMoniker, settings.CustomDotNetCliPath!),
        new DotNetCliExecutor(settings.CustomDotNetCliPath!));

    /// <summary>
    /// BenchmarkDotNet's generator looks for a project file named after the assembly
    /// (LabSandbox.Benchmarks.csproj); this project is Benchmarks.csproj, so it names its own file, which the
    /// build embeds as assembly metadata.
    /// </summary>
    private sealed class ProjectFileGenerator(NetCoreAppSettings settings)
        : CsProjGenerator(settings.TargetFrameworkMoniker, settings.CustomDotNetCliPath!, settings.PackagesPath!, settings.RuntimeFrameworkVersion!)
    {
        protected override FileInfo GetProjectFilePath(Type benchmarkTarget, ILogger logger)
        {
            var path = benchmarkTarget.Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .SingleOrDefault(a => a.Key == "BenchmarksProjectFile")?.Value;
            return path is not null && File.Exists(path) ? new FileInfo(path) : base.GetProjectFilePath(benchmarkTarget, logger);
        }
    }
}
