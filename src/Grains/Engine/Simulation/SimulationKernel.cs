using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// Simulates tournaments and evaluates the pool for a range of simulation indexes, adding into an
/// accumulator. One kernel per thread: it owns its scratch buffers, so the steady-state loop allocates
/// nothing and its memory does not depend on how many simulations it runs.
/// </summary>
/// <remarks>
/// The vector-heavy parts (<see cref="TopRanks"/>, <see cref="EntryScorer"/>) are compiled fully optimized
/// on first call: as unoptimized tier-0 code every vector operation is a call, and a run's first chunks
/// took seconds. The scalar parts keep tiered compilation, whose dynamic PGO makes them markedly faster
/// once warm (measured: ~676 ns per simulation this way, ~890–1,280 ns with everything compiled eagerly).
/// </remarks>
public sealed class SimulationKernel
{
    /// <summary>
    /// Names everything that shapes a result: the stream (SplitMix64 per (seed, index)), the draw
    /// assignment (32 bits per game, two games per draw, by game index), the bracket order, the
    /// standings rules and the fixed-point sums.
    /// </summary>
    public const string EngineVersion = "montecarlo-v1+splitmix64-seed-index+u32-per-game+bracket-v1+ties-1e-4+points-q16";

    private const int Teams = CompiledBracket.TeamCount;

    private readonly TournamentModel _tournament;
    private readonly PoolModel _pool;
    private readonly StandingsCalculator _standings;
    private readonly int[] _occupant = new int[CompiledBracket.SlotCount];
    private readonly byte[] _progress = new byte[Teams];
    private readonly double[] _entryPoints;
    private readonly byte[] _gameRound;
    private readonly int[] _left;
    private readonly int[] _right;
    private readonly ulong[] _squareBlock;
    private int _squareBlockSims;
    private readonly EntryScorer _scorer;

    public SimulationKernel(TournamentModel tournament, PoolModel pool)
    {
        _tournament = tournament;
        _pool = pool;
        _entryPoints = new double[pool.PaddedEntryCount];
        _squareBlock = new ulong[pool.EntryCount];
        var bracket = tournament.Bracket;
        _gameRound = bracket.GameRound.Select(r => (byte)r).ToArray();
        _left = bracket.LeftSlot.ToArray();
        _right = bracket.RightSlot.ToArray();
        for (var t = 0; t < Teams; t++)
        {
            _occupant[t] = t;
        }

        for (var g = 0; g < tournament.FirstOpenGame; g++)
        {
            _occupant[Teams + g] = tournament.LockedWinners[g];
        }

        _scorer = new EntryScorer(tournament, pool);
        _standings = new StandingsCalculator(pool.PayoutCents, pool.RankedPositions, pool.EntryCount, pool.LikelyWinnersFirst(tournament));
    }

    // The models sampled; only tests read them back (to interpret results), and two getters cost nothing to keep.
    public TournamentModel Tournament => _tournament;

    public PoolModel Pool => _pool;

    public SimulationAccumulator CreateAccumulator() =>
        new(_pool.EntryCount, Teams, _pool.PayoutAmounts.Length);

    /// <summary>Runs simulations <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1.</summary>
    public void Run(ulong seed, long start, long count, SimulationAccumulator into)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = start; i < start + count; i++)
        {
            SimulateTournament(SimulationStream.StateFor(seed, (ulong)i));
            _scorer.Score(_occupant, _progress, _entryPoints);
            Accumulate(into);
        }

        FlushSquares(into);
        into.Simulations += count;
    }

    /// <summary>
    /// Squares are first summed in 64-bit per entry (as many simulations as surely fit, see
    /// <see cref="PoolModel.SquareBlockSimulations"/>), then carried into the 128-bit totals: integer
    /// sums, so where the flushes fall changes nothing.
    /// </summary>
    private void FlushSquares(SimulationAccumulator into)
    {
        for (var e = 0; e < _squareBlock.Length; e++)
        {
            into.PointsSquaresSum[e] += _squareBlock[e];
            _squareBlock[e] = 0;
        }

        _squareBlockSims = 0;
    }

    /// <summary>q = round(points · 2¹⁶) per entry: Σq into the totals and Σq² into the 64-bit block.</summary>
    private static void AddFixedPointSums(ReadOnlySpan<double> points, long[] sums, ulong[] squares)
    {
        var e = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var scale = Vector512.Create(SimulationAccumulator.PointsScale);
            var half = Vector512.Create(0.5);
            for (; e <= points.Length - Vector512<double>.Count; e += Vector512<double>.Count)
            {
                var q = Vector512.ConvertToInt64((Vector512.Create(points.Slice(e, Vector512<double>.Count)) * scale) + half);
                (Vector512.LoadUnsafe(ref sums[e]) + q).StoreUnsafe(ref sums[e]);
                (Vector512.LoadUnsafe(ref squares[e]) + (q * q).AsUInt64()).StoreUnsafe(ref squares[e]);
            }
        }

        for (; e < points.Length; e++)
        {
            var q = (long)((points[e] * SimulationAccumulator.PointsScale) + 0.5);
            sums[e] += q;
            squares[e] += (ulong)(q * q);
        }
    }

    // Used by tests and the tournament benchmark only; it stays because it drives the private sampler directly.
    /// <summary>
    /// Tournaments only (no pool): simulations <paramref name="start"/> onwards, counting each team's final
    /// progress into <paramref name="teamProgressCounts"/> (<c>[team * 8 + progress]</c>). The draws are the
    /// same as in <see cref="Run"/>, so the counts equal a full run's team counts.
    /// </summary>
    public void RunTournaments(ulong seed, long start, long count, long[] teamProgressCounts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(teamProgressCounts.Length, Teams * SimulationAccumulator.ProgressLevels);
        for (var i = start; i < start + count; i++)
        {
            SimulateTournament(SimulationStream.StateFor(seed, (ulong)i));
            CountProgress(teamProgressCounts);
        }
    }

    /// <summary>
    /// Plays simulation <paramref name="index"/> alone and settles its standings; the payout in cents and the
    /// finishing position of <paramref name="entry"/> (0 when it finished below the ranked positions, unpaid).
    /// The draws are those of <see cref="Run"/>, so kernels over different pools see the same tournament.
    /// </summary>
    public (long PayoutCents, int Position) Settle(ulong seed, long index, int entry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entry, _pool.EntryCount);
        SimulateTournament(SimulationStream.StateFor(seed, (ulong)index));
        return SettleTournament(_occupant, _progress, entry);
    }

    /// <summary>
    /// Settles, for this kernel's pool, the tournament that <paramref name="played"/> (a kernel over the same
    /// tournament model) played last — the same result as <see cref="Settle"/> of that simulation, without
    /// playing its 67 games again.
    /// </summary>
    public (long PayoutCents, int Position) SettleSame(SimulationKernel played, int entry)
    {
        if (!ReferenceEquals(played._tournament, _tournament))
        {
            throw new ArgumentException("Only a kernel over the same tournament model played the same tournament.", nameof(played));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(entry);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(entry, _pool.EntryCount);
        return SettleTournament(played._occupant, played._progress, entry);
    }

    private (long PayoutCents, int Position) SettleTournament(int[] occupant, byte[] progress, int entry)
    {
        _scorer.Score(occupant, progress, _entryPoints);
        var rows = _standings.Resolve(_entryPoints.AsSpan(0, _pool.EntryCount));
        var entries = _standings.RowEntries;
        for (var r = 0; r < rows; r++)
        {
            if (entries[r] == entry)
            {
                return (_standings.RowPayouts[r], _standings.RowPositions[r]);
            }
        }

        return (0, 0);
    }

    // Tests only: the one view of the private sampler's last tournament, which they compare across kernels.
    /// <summary>Each team's final progress (by team index) in the last simulation run.</summary>
    public ReadOnlySpan<byte> LastProgress => _progress;

    /// <summary>Plays the open games; each team's progress ends as the round of its last win (or its byes).</summary>
    private void SimulateTournament(ulong state)
    {
        var progress = _progress;
        Unsafe.CopyBlockUnaligned(
            ref MemoryMarshal.GetArrayDataReference(progress), ref MemoryMarshal.GetArrayDataReference(_tournament.StartProgress), Teams);
        ref var occupant = ref MemoryMarshal.GetArrayDataReference(_occupant);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_tournament.Thresholds);
        ref var left = ref MemoryMarshal.GetArrayDataReference(_left);
        ref var right = ref MemoryMarshal.GetArrayDataReference(_right);
        ref var round = ref MemoryMarshal.GetArrayDataReference(_gameRound);
        ref var prog = ref MemoryMarshal.GetArrayDataReference(progress);
        var g = _tournament.FirstOpenGame;
        if ((g & 1) == 1 && g < CompiledBracket.GameCount)
        {
            // An odd first open game uses the lower half of the draw it shares with the locked game before it.
            Play(ref occupant, ref thresholds, ref left, ref right, ref round, ref prog, g, (uint)SimulationStream.Draw(state, (ulong)(g >> 1)));
            g++;
        }

        for (; g < CompiledBracket.GameCount - 1; g += 2)
        {
            var draw = SimulationStream.Draw(state, (ulong)(g >> 1));
            Play(ref occupant, ref thresholds, ref left, ref right, ref round, ref prog, g, (uint)(draw >> 32));
            Play(ref occupant, ref thresholds, ref left, ref right, ref round, ref prog, g + 1, (uint)draw);
        }

        if (g < CompiledBracket.GameCount)
        {
            Play(ref occupant, ref thresholds, ref left, ref right, ref round, ref prog, g, (uint)(SimulationStream.Draw(state, (ulong)(g >> 1)) >> 32));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Play(ref int occupant, ref uint thresholds, ref int left, ref int right, ref byte round, ref byte prog, int g, uint u)
    {
        var a = Unsafe.Add(ref occupant, Unsafe.Add(ref left, g));
        var b = Unsafe.Add(ref occupant, Unsafe.Add(ref right, g));
        // Branch-free choice (a favourite wins ~70% of the time: a branch would mispredict often):
        // the difference is negative exactly when u is below a's threshold, so its sign selects a.
        var aWins = (int)(((long)u - Unsafe.Add(ref thresholds, (a * Teams) + b)) >> 63);
        var winner = b ^ ((a ^ b) & aWins);
        Unsafe.Add(ref occupant, Teams + g) = winner;
        Unsafe.Add(ref prog, winner) = Unsafe.Add(ref round, g);
    }

    private void CountProgress(long[] teamProgressCounts)
    {
        ref var progressCounts = ref MemoryMarshal.GetArrayDataReference(teamProgressCounts);
        ref var prog = ref MemoryMarshal.GetArrayDataReference(_progress);
        for (var t = 0; t < Teams; t++)
        {
            Unsafe.Add(ref progressCounts, (t * SimulationAccumulator.ProgressLevels) + Unsafe.Add(ref prog, t))++;
        }
    }

    private void Accumulate(SimulationAccumulator into)
    {
        CountProgress(into.TeamProgressCounts);

        var points = _entryPoints.AsSpan(0, _pool.EntryCount);
        AddFixedPointSums(points, into.PointsSum, _squareBlock);
        if (++_squareBlockSims == _pool.SquareBlockSimulations)
        {
            FlushSquares(into);
        }

        var rows = _standings.Resolve(points);
        var entries = _standings.RowEntries;
        var positions = _standings.RowPositions;
        var payouts = _standings.RowPayouts;
        var tied = _standings.RowTied;
        var buckets = into.PayoutBuckets;
        for (var r = 0; r < rows; r++)
        {
            var e = entries[r];
            var position = positions[r];
            if (position <= PoolModel.CountedPositions)
            {
                into.PositionCounts[(e * PoolModel.CountedPositions) + position - 1]++;
            }

            var payout = payouts[r];
            if (payout <= 0)
            {
                continue;
            }

            into.PayoutCents[e] += payout;
            into.InTheMoney[e]++;
            var bucket = tied[r] ? Array.BinarySearch(_pool.PayoutAmounts, payout) : _pool.PositionPayoutIndex[position - 1];
            into.PayoutHistogram[(e * buckets) + bucket]++;
        }
    }
}
