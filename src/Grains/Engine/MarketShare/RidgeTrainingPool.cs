using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>
/// One past pool to learn from. The excluded entry (usually the pool's Lab-excluded one) is left out of the
/// target shares, so the model learns the market a candidate would actually face.
/// </summary>
public sealed record RidgeTrainingPool(BracketTournament Tournament, PoolBids Pool, string? ExcludedEntryKey);
