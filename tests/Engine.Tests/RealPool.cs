using LabSandbox.Grains.Datasets;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.MarketShare;
using LabSandbox.Grains.Engine.Simulation;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Engine.Tests;

/// <summary>
/// A real pool as the engine reads it, mapped as the grains map it, with the contract's rules and the key of its
/// Lab-excluded entry (the engine has no use for either flag).
/// </summary>
internal sealed record RealPool(
    string PoolId,
    IReadOnlyList<PoolEntrant> Entries,
    IReadOnlyList<RoundPoints> ScoringRules,
    IReadOnlyList<PositionPrize> Payouts,
    PoolRules Rules,
    string? ExcludedEntryKey)
{
    public static RealPool From(CalcuttaSnapshot pool) =>
        new(pool.CalcuttaId, pool.Entries.ToEntrants(), pool.ScoringRules.ToRoundPoints(), pool.Payouts.ToPositionPrizes(), pool.Rules,
            pool.Entries.SingleOrDefault(e => e.IsLabExcluded)?.EntryKey);

    public PoolBids Bids => new(PoolId, Entries);
}
