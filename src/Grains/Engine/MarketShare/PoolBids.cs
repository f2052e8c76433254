using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.MarketShare;

/// <summary>A pool's entries and their bids: what the market-share models learn from.</summary>
public sealed record PoolBids(string PoolId, IReadOnlyList<PoolEntrant> Entries);
