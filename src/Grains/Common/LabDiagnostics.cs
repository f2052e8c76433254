using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LabSandbox.Grains.Common;

/// <summary>
/// The project's own ActivitySource and Meter. Ids (run, artifact) go into span attributes and logs,
/// never into metric tags, so metric cardinality stays bounded.
/// </summary>
public static class LabDiagnostics
{
    public const string Name = "LabSandbox";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> RunsCreated =
        Meter.CreateCounter<long>("labsandbox.runs.created", description: "Runs created, by kind.");

    public static readonly Counter<long> RunsFinished =
        Meter.CreateCounter<long>("labsandbox.runs.finished", description: "Runs that reached a terminal status, by kind and status.");

    public static readonly Histogram<double> RunExecutionSeconds =
        Meter.CreateHistogram<double>("labsandbox.runs.execution", unit: "s", description: "Wall time of one run attempt's execution, by kind.");
}
