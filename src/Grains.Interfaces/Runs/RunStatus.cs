namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>queued → running → succeeded | failed | cancelled (queued may also go straight to cancelled).</summary>
[GenerateSerializer]
public enum RunStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class RunStatusExtensions
{
    /// <summary>Terminal runs are immutable (INV-3).</summary>
    public static bool IsTerminal(this RunStatus status) =>
        status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled;
}
