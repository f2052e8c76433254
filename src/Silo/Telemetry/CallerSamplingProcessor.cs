using System.Diagnostics;
using OpenTelemetry;

namespace LabSandbox.Silo.Telemetry;

/// <summary>
/// Honours a caller's "not sampled" on the grain-call spans Orleans starts for incoming calls. Orleans creates such a
/// span (so the sampler decides) before it sets the caller's traceparent as its parent, so a call made under an
/// unsampled scope (<c>LabTracing.StartUnsampledScope</c>: the untraced chunks of a large run) would still record its
/// server span and every activation span under it. Clearing the recorded flag as the span starts drops it from export
/// and makes the spans under it unsampled too (parent-based sampling), so a large run's trace stays bounded.
/// </summary>
public sealed class CallerSamplingProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (data.Recorded && data.Parent is null && data.ParentId is { } parentId
            && ActivityContext.TryParse(parentId, null, out var parent) && !parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            data.IsAllDataRequested = false;
        }
    }
}
