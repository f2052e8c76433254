namespace LabSandbox.Grains.Interfaces.Artifacts;

[GenerateSerializer, Immutable, Alias("LabSandbox.ArtifactRef")]
public sealed record ArtifactRef(
    [property: Id(0)] string ArtifactId,
    [property: Id(1)] string Kind);

/// <summary>Artifact kinds (docs/architecture.md, domain rules: nouns).</summary>
public static class ArtifactKinds
{
    public const string Metrics = "metrics";
    public const string Advancement = "advancement";
    public const string Failure = "failure";
}
