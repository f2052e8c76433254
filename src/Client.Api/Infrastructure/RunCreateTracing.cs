using System.Diagnostics;
using LabSandbox.Grains.Common;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// The API's <c>run.create</c> span (docs/tracing.md): the run's first attempt is traced under it. Here, not in the
/// endpoint, because endpoint code depends only on grain contracts.
/// </summary>
public static class RunCreateTracing
{
    public static Activity? Start() => LabDiagnostics.ActivitySource.StartActivity(LabTracing.RunCreate);

    public static void Created(Activity? span, string? runId) => span?.SetTag(LabTracing.RunIdKey, runId);
}
