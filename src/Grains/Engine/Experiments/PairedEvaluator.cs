using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Evaluates entry variants, each in turn taking one seat (<c>entryKey</c>) in the same field, on common random
/// numbers: simulation i's tournament depends only on (seed, i), so every variant sees the same tournaments and
/// the difference of their payouts is paired per simulation. One kernel per variant (each owns its buffers); the
/// first plays each tournament once and the others settle it for their own pools.
/// </summary>
public sealed class PairedEvaluator
{
    private const int CancellationStride = 4096;

    private readonly SimulationKernel[] _kernels;
    private readonly int[] _seat;
    private readonly long[] _payouts;
    private readonly int[] _positions;

    public PairedEvaluator(
        TournamentModel tournament,
        IReadOnlyList<PoolEntrant> field,
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants,
        string entryKey,
        IReadOnlyList<RoundPoints> scoringRules,
        IReadOnlyList<PositionPrize> payouts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(variants.Count);
        if (field.Any(e => e.EntryKey == entryKey))
        {
            throw new ArgumentException($"The field already has an entry '{entryKey}'.", nameof(entryKey));
        }

        _kernels = new SimulationKernel[variants.Count];
        _seat = new int[variants.Count];
        _payouts = new long[variants.Count];
        _positions = new int[variants.Count];
        for (var v = 0; v < variants.Count; v++)
        {
            var pool = PoolModel.Create(tournament.Bracket, [.. field, new PoolEntrant(entryKey, variants[v])], scoringRules, payouts);
            _kernels[v] = new SimulationKernel(tournament, pool);
            _seat[v] = pool.EntryKeys.IndexOf(entryKey);
        }
    }

    public int Variants => _kernels.Length;

    public PairedTotals CreateTotals() => new(Variants);

    /// <summary>Simulations <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 of every variant.</summary>
    public void Run(ulong seed, long start, long count, PairedTotals into, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = start; i < start + count; i++)
        {
            if ((i - start) % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var v = 0; v < _kernels.Length; v++)
            {
                // Variant 0's kernel plays the tournament; the others settle that same tournament for their pools.
                var (payout, position) = v == 0 ? _kernels[0].Settle(seed, i, _seat[0]) : _kernels[v].SettleSame(_kernels[0], _seat[v]);
                _payouts[v] = payout;
                _positions[v] = position;
                into.Record(v, payout, position, _payouts[0], _positions[0]);
            }
        }

        into.Simulations += count;
    }
}
