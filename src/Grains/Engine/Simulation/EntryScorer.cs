using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>Turns one simulated tournament into entry points through the pool's ownership shares.</summary>
internal sealed class EntryScorer
{
    private const int Teams = CompiledBracket.TeamCount;

    private readonly PoolModel _pool;
    private readonly int[] _roundOffsets;
    private readonly int _scoringRound;

    public EntryScorer(TournamentModel tournament, PoolModel pool)
    {
        _pool = pool;
        _roundOffsets = [.. tournament.Bracket.RoundOffsets];

        // Teams below this progress score nothing, so only the winners of this round's games are scored.
        _scoringRound = Array.FindIndex(pool.PointsByProgress, p => p != 0) is var m and >= 2 ? m : 0;
    }

    /// <summary>
    /// Entry points = Σ over teams that scored (in slot order) of share × team points, as whole dense rows:
    /// a non-owner adds an exact 0, so each entry sees the same additions in the same order as a sparse sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Score(int[] occupant, byte[] progress, double[] entryPoints)
    {
        var (from, to) = _scoringRound == 0
            ? (0, Teams)
            : (Teams + _roundOffsets[_scoringRound - 1], Teams + _roundOffsets[_scoringRound]);
        if (Vector512.IsHardwareAccelerated && _pool.PaddedEntryCount <= 64)
        {
            ScoreInRegisters(occupant, progress, entryPoints, from, to);
            return;
        }

        var points = entryPoints;
        Array.Clear(points);
        var width = _pool.PaddedEntryCount;
        for (var slot = from; slot < to; slot++)
        {
            var t = occupant[slot];
            var row = _pool.OwnedRow[t];
            var teamPoints = _pool.PointsByProgress[progress[t]];
            if (row < 0 || teamPoints == 0)
            {
                continue;
            }

            var shares = _pool.DenseShares.AsSpan(row * width, width);
            for (var e = 0; e < width; e++)
            {
                points[e] += shares[e] * teamPoints;
            }
        }
    }

    /// <summary>The same sums with up to 64 entries held in eight vector registers across all teams.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScoreInRegisters(int[] occupant, byte[] progress, double[] entryPoints, int from, int to)
    {
        var width = _pool.PaddedEntryCount;
        var dense = _pool.DenseShares;
        var ownedRow = _pool.OwnedRow;
        var byProgress = _pool.PointsByProgress;
        Vector512<double> v0 = default, v1 = default, v2 = default, v3 = default, v4 = default, v5 = default, v6 = default, v7 = default;
        for (var slot = from; slot < to; slot++)
        {
            var t = occupant[slot];
            var row = ownedRow[t];
            var teamPoints = byProgress[progress[t]];
            if (row < 0 || teamPoints == 0)
            {
                continue;
            }

            var f = Vector512.Create(teamPoints);
            ref var shares = ref dense[row * width];
            v0 += Vector512.LoadUnsafe(ref shares, 0) * f;
            if (width > 8) { v1 += Vector512.LoadUnsafe(ref shares, 8) * f; }
            if (width > 16) { v2 += Vector512.LoadUnsafe(ref shares, 16) * f; }
            if (width > 24) { v3 += Vector512.LoadUnsafe(ref shares, 24) * f; }
            if (width > 32) { v4 += Vector512.LoadUnsafe(ref shares, 32) * f; }
            if (width > 40) { v5 += Vector512.LoadUnsafe(ref shares, 40) * f; }
            if (width > 48) { v6 += Vector512.LoadUnsafe(ref shares, 48) * f; }
            if (width > 56) { v7 += Vector512.LoadUnsafe(ref shares, 56) * f; }
        }

        ref var points = ref MemoryMarshal.GetArrayDataReference(entryPoints);
        ReadOnlySpan<Vector512<double>> sums = [v0, v1, v2, v3, v4, v5, v6, v7];
        for (var i = 0; i < width / 8; i++)
        {
            sums[i].StoreUnsafe(ref points, (nuint)(i * 8));
        }
    }
}
