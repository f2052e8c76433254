namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>One entry of a pool: its stable key (entries rank by it on ties) and its bids.</summary>
public sealed record PoolEntrant(string EntryKey, IReadOnlyList<EntrantBid> Bids);
