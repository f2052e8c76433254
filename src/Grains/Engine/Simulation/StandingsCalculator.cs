using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// Standings and payouts of one simulation (docs/architecture.md, domain rules: game), resolved only as far as they matter: the first
/// <c>rankedPositions</c> finishing positions (the counted ones and every paid one).
/// </summary>
/// <remarks>
/// Entries rank by points descending, ties broken by entry index (= entry-key order). Consecutive rows
/// less than <see cref="TieTolerance"/> apart form a tie group sharing the group's first position; the
/// payouts of the positions the group covers are pooled and split evenly in cents, remainder cents one
/// each to the group's first rows by entry key; the next group's position skips by the group size.
/// The top rows come from a small descending buffer (16 AVX-512 lanes where available) instead of a
/// sort of every entry; when a tie chain reaches past it the calculator ranks everyone (rare, still exact).
/// Allocation-free after construction.
/// </remarks>
public sealed class StandingsCalculator
{
    public const double TieTolerance = 1e-4;

    private readonly long[] _payouts;
    private readonly int _ranked;
    private readonly int[] _order;
    private readonly double[] _values;
    private readonly int[] _rowEntry;
    private readonly int[] _rowPosition;
    private readonly long[] _rowPayout;
    private readonly bool[] _rowTied;
    private readonly int[] _visitOrder;

    /// <param name="likelyFirst">
    /// Entry indexes, likeliest winners first (null: index order). It never changes a result; it only
    /// decides the order the portable path looks at entries in, so that most fail one comparison.
    /// </param>
    public StandingsCalculator(long[] payoutCents, int rankedPositions, int entryCount, int[]? likelyFirst = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rankedPositions, payoutCents.Length);
        _payouts = payoutCents;
        _ranked = rankedPositions;
        _order = new int[Math.Max(entryCount, TopRanks.Lanes)];
        _values = new double[Math.Max(entryCount, TopRanks.Lanes)];
        _rowEntry = new int[entryCount];
        _rowPosition = new int[entryCount];
        _rowPayout = new long[entryCount];
        _rowTied = new bool[entryCount];
        _visitOrder = likelyFirst ?? Enumerable.Range(0, entryCount).ToArray();
    }

    /// <summary>Entries of the rows from the last <see cref="Resolve"/>, best first.</summary>
    public ReadOnlySpan<int> RowEntries => _rowEntry;

    /// <summary>Finishing position (1-based, shared within a tie group) of each row.</summary>
    public ReadOnlySpan<int> RowPositions => _rowPosition;

    /// <summary>Payout in cents of each row.</summary>
    public ReadOnlySpan<long> RowPayouts => _rowPayout;

    public ReadOnlySpan<bool> RowTied => _rowTied;

    /// <summary>
    /// Ranks <paramref name="points"/> (one value per entry, in entry-key order) and returns how many rows
    /// hold a position within the ranked positions. Every entry not among them finishes lower and is paid nothing.
    /// </summary>
    public int Resolve(ReadOnlySpan<double> points)
    {
        var n = points.Length;
        var k = Math.Min(_ranked, n);
        if (k == n)
        {
            return Group(RankEveryone(points));
        }

        double bestOut;
        if (TopRanks.IsSupported && k < TopRanks.Lanes)
        {
            // Branch-free; lane k ends holding the best score outside the top k.
            TopRanks.Select(points, k + 1, _values, _order);
            bestOut = _values[k];
        }
        else
        {
            bestOut = SelectTop(points, k);
        }

        var ranked = k;
        if (_values[k - 1] - bestOut < TieTolerance)
        {
            ranked = RankEveryone(points);
        }

        return Group(ranked);
    }

    /// <summary>
    /// The portable path: insertion into a k-row buffer, likeliest winners first so most later entries
    /// fail one comparison. Returns the best score left outside the buffer.
    /// </summary>
    private double SelectTop(ReadOnlySpan<double> points, int k)
    {
        var count = 0;
        var bestOut = double.NegativeInfinity;
        foreach (var e in _visitOrder)
        {
            var v = points[e];
            if (count == k)
            {
                if (v <= _values[k - 1])
                {
                    bestOut = Math.Max(bestOut, v);
                    continue;
                }

                bestOut = Math.Max(bestOut, _values[k - 1]);
                count--;
            }

            count = Insert(count, e, points);
        }

        return bestOut;
    }

    /// <summary>Insertion into the descending buffer, after every row at least as high.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Insert(int count, int entry, ReadOnlySpan<double> points)
    {
        var v = points[entry];
        var j = count;
        while (j > 0 && _values[j - 1] < v)
        {
            _values[j] = _values[j - 1];
            _order[j] = _order[j - 1];
            j--;
        }

        _values[j] = v;
        _order[j] = entry;
        return count + 1;
    }

    /// <summary>The slow path: a tie chain crosses the buffer's edge (or the pool is small), so rank every entry.</summary>
    private int RankEveryone(ReadOnlySpan<double> points)
    {
        var count = 0;
        for (var e = 0; e < points.Length; e++)
        {
            count = Insert(count, e, points);
        }

        return count;
    }

    private int Group(int count)
    {
        var rows = 0;
        var position = 1;
        var start = 0;
        while (start < count && position <= _ranked)
        {
            var end = start + 1;
            while (end < count && _values[end - 1] - _values[end] < TieTolerance)
            {
                end++;
            }

            var size = end - start;
            long pooled = 0;
            for (var p = position; p < position + size && p <= _payouts.Length; p++)
            {
                pooled += _payouts[p - 1];
            }

            if (size > 1)
            {
                // Remainder cents go to the group's first rows by entry key: order the group by entry.
                Array.Sort(_order, start, size);
            }

            var share = pooled / size;
            var remainder = pooled - (share * size);
            for (var r = 0; r < size; r++)
            {
                _rowEntry[rows] = _order[start + r];
                _rowPosition[rows] = position;
                _rowPayout[rows] = share + (r < remainder ? 1 : 0);
                _rowTied[rows] = size > 1;
                rows++;
            }

            position += size;
            start = end;
        }

        return rows;
    }
}
