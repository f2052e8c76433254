using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>
/// How an attempt failed: the error, whether another attempt could succeed (a validation error, missing input
/// or poison data cannot), and the attempt's <c>failure</c> artifact when one could be written.
/// <see cref="Transient"/> marks a failure of the cluster rather than of the run (a silo that just died, the
/// database restarting): it is retried without counting toward the attempt limit, up to a bound.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.RunFailure")]
public sealed record RunFailure(
    [property: Id(0)] string Error,
    [property: Id(1)] bool Retryable,
    [property: Id(2)] ArtifactRef? FailureArtifact = null,
    [property: Id(3)] bool Transient = false);
