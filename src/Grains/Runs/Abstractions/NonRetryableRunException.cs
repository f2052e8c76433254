namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>A failure that retrying cannot fix (bad or missing inputs): the run fails at once.</summary>
public sealed class NonRetryableRunException(string message) : Exception(message);
