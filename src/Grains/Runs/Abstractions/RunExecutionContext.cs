using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>
/// What a handler may use: the run's identity and pinned spec, grains to read inputs, and a progress sink
/// that answers false once the run is no longer this attempt's (e.g. cancelled), so the handler can stop.
/// </summary>
public sealed record RunExecutionContext(
    string RunId,
    int Attempt,
    RunSpec Spec,
    IGrainFactory Grains,
    Func<string, double, string, Task<bool>> ReportProgressAsync);
