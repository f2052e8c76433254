using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// How an attempt failed: the error, whether another attempt could succeed (a validation error, missing input
/// or poison data cannot), and the attempt's <c>failure</c> artifact when one could be written.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunFailure")]
public sealed record RunFailure(
    [property: Id(0)] string Error,
    [property: Id(1)] bool Retryable,
    [property: Id(2)] ArtifactRef? FailureArtifact = null);
