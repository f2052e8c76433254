namespace LabSandbox.Grains.Runs;

/// <summary>A step of an orchestration that failed for one item; reported for that item, the others go on.</summary>
public sealed class RunStepException(string message) : Exception(message);
