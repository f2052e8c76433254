using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// What an entry actually won: the pool's real final standings (every team at its real progress, the pool's scoring
/// and payouts) with that entry in the seat, exact cents, no simulation. It reuses the kernel rather than a second
/// standings implementation: a tournament with every game locked at its real result (<c>through_round:7</c>) has no
/// open game, so settling any one simulation of it is the real outcome, scored and tie-split (within 1e-4, pooled
/// payouts shared in cents) exactly as the kernel settles a simulated tournament.
/// </summary>
public static class RealizedPayout
{
    /// <summary>The payout in cents of <paramref name="seat"/> placed as <paramref name="seatKey"/> among <paramref name="field"/>.</summary>
    /// <param name="field">The other entries of the pool (the real ones less the seat's).</param>
    public static long InSeat(
        CompiledBracket bracket, IReadOnlyList<PoolEntrant> field, string seatKey, IReadOnlyList<EntrantBid> seat,
        IReadOnlyList<RoundPoints> scoringRules, IReadOnlyList<PositionPrize> payouts)
    {
        if (field.Any(e => e.EntryKey == seatKey))
        {
            throw new ArgumentException($"The field already has an entry '{seatKey}'.", nameof(seatKey));
        }

        return OfEveryEntry(bracket, [.. field, new PoolEntrant(seatKey, seat)], scoringRules, payouts)[seatKey];
    }

    /// <summary>Every entry's real payout in cents, by entry key.</summary>
    /// <exception cref="InvalidOperationException">The tournament's data does not hold every game's real result.</exception>
    public static IReadOnlyDictionary<string, long> OfEveryEntry(
        CompiledBracket bracket, IReadOnlyList<PoolEntrant> entries, IReadOnlyList<RoundPoints> scoringRules, IReadOnlyList<PositionPrize> payouts)
    {
        // Any win model: with nothing left to play it is never consulted.
        var tournament = TournamentModel.Create(bracket, new KenPomLogisticModel(10), StartingState.ThroughRound(7));
        if (tournament.FirstOpenGame < CompiledBracket.GameCount)
        {
            throw new InvalidOperationException("The tournament is not over in the data: a realized payout needs every game's real result.");
        }

        var pool = PoolModel.Create(bracket, entries, scoringRules, payouts);
        var kernel = new SimulationKernel(tournament, pool);
        var result = new Dictionary<string, long>(pool.EntryCount, StringComparer.Ordinal);
        for (var e = 0; e < pool.EntryCount; e++)
        {
            result[pool.EntryKeys[e]] = kernel.Settle(0, 0, e).PayoutCents;
        }

        return result;
    }
}
