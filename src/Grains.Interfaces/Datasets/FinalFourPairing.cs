namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>
/// Which regions meet in the national semifinals (per-year data): the top-left region's champion
/// plays the bottom-left's, and the top-right's plays the bottom-right's.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.FinalFourPairing")]
public sealed record FinalFourPairing(
    [property: Id(0)] string TopLeft,
    [property: Id(1)] string BottomLeft,
    [property: Id(2)] string TopRight,
    [property: Id(3)] string BottomRight);
