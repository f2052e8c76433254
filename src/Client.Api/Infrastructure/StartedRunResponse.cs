using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The answer to a request that starts a durable run: the run, and where its report (the metrics artifact) will be.</summary>
/// <param name="ReportUrl">The content of the run's <c>metrics</c> artifact once the run has succeeded.</param>
public sealed record StartedRunResponse(string RunId, RunStatus Status, string ReportUrl);
