namespace LabSandbox.Grains.Engine.Bracket;

/// <summary>
/// Which regions meet in the semifinals: the top-left region's champion plays the bottom-left's, and the
/// top-right's plays the bottom-right's.
/// </summary>
public sealed record FinalFourRegions(string TopLeft, string BottomLeft, string TopRight, string BottomRight);
