using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// The best scores of one simulation, kept in 16 AVX-512 lanes sorted descending: each entry is
/// inserted without a branch (compare, shift the lower lanes down one, blend). Lanes past the ranked
/// positions keep the best of what fell out, so lane <c>ranked</c> is the best score outside them.
/// </summary>
internal static class TopRanks
{
    public const int Lanes = 16;

    public static bool IsSupported => Avx512F.IsSupported;

    // Lane j takes lane j − 1 of the 16-lane pair; lane 0 has no previous lane and takes the new score.
    private static readonly Vector512<long> ShiftLow = Vector512.Create(0L, 0, 1, 2, 3, 4, 5, 6);
    private static readonly Vector512<long> ShiftHigh = Vector512.Create(7L, 8, 9, 10, 11, 12, 13, 14);
    private static readonly Vector512<long> NotFirstLane = Vector512.Create(0L, -1, -1, -1, -1, -1, -1, -1);

    /// <summary>Fills <paramref name="values"/>/<paramref name="entries"/> (16 each) with the top scores, best first.</summary>
    /// <remarks>
    /// Even and odd entries go into two independent lane sets (two dependency chains the CPU overlaps);
    /// the odd set's best <paramref name="needed"/> then go into the even set, which ends holding the
    /// top <paramref name="needed"/> of all entries in its first lanes.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select(ReadOnlySpan<double> points, int needed, Span<double> values, Span<int> entries)
    {
        var even = new LaneSet();
        var odd = new LaneSet();
        var e = 0;
        for (; e + 1 < points.Length; e += 2)
        {
            even = even.Insert(points[e], e);
            odd = odd.Insert(points[e + 1], e + 1);
        }

        if (e < points.Length)
        {
            even = even.Insert(points[e], e);
        }

        for (var lane = 0; lane < needed; lane++)
        {
            var (score, entry) = odd.At(lane);
            if (entry < 0)
            {
                break;
            }

            even = even.Insert(score, entry);
        }

        even.Low.CopyTo(values);
        even.High.CopyTo(values[8..]);
        for (var lane = 0; lane < 8; lane++)
        {
            entries[lane] = (int)even.LowIds.GetElement(lane);
            entries[lane + 8] = (int)even.HighIds.GetElement(lane);
        }
    }

    /// <summary>16 scores sorted descending with their entries; empty lanes hold −∞ and entry −1.</summary>
    private readonly struct LaneSet
    {
        public readonly Vector512<double> Low;
        public readonly Vector512<double> High;
        public readonly Vector512<long> LowIds;
        public readonly Vector512<long> HighIds;

        public LaneSet()
        {
            Low = High = Vector512.Create(double.NegativeInfinity);
            LowIds = HighIds = Vector512.Create(-1L);
        }

        private LaneSet(Vector512<double> low, Vector512<double> high, Vector512<long> lowIds, Vector512<long> highIds)
        {
            Low = low;
            High = high;
            LowIds = lowIds;
            HighIds = highIds;
        }

        public (double Score, int Entry) At(int lane) =>
            lane < 8 ? (Low.GetElement(lane), (int)LowIds.GetElement(lane)) : (High.GetElement(lane - 8), (int)HighIds.GetElement(lane - 8));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public LaneSet Insert(double score, int entry)
        {
            var v = Vector512.Create(score);
            var id = Vector512.Create((long)entry);

            // Lanes strictly below the new score move down one; equal scores stay ahead of it.
            var lowMoves = Vector512.LessThan(Low, v).AsInt64();
            var highMoves = Vector512.LessThan(High, v).AsInt64();
            var lowPrev = Avx512F.PermuteVar8x64x2(lowMoves, ShiftLow, highMoves) & NotFirstLane;
            var highPrev = Avx512F.PermuteVar8x64x2(lowMoves, ShiftHigh, highMoves);
            var lowFrom = Avx512F.PermuteVar8x64x2(Low, ShiftLow, High);
            var highFrom = Avx512F.PermuteVar8x64x2(Low, ShiftHigh, High);
            var lowIdFrom = Avx512F.PermuteVar8x64x2(LowIds, ShiftLow, HighIds);
            var highIdFrom = Avx512F.PermuteVar8x64x2(LowIds, ShiftHigh, HighIds);
            return new LaneSet(
                Vector512.ConditionalSelect(lowMoves.AsDouble(), Vector512.ConditionalSelect(lowPrev.AsDouble(), lowFrom, v), Low),
                Vector512.ConditionalSelect(highMoves.AsDouble(), Vector512.ConditionalSelect(highPrev.AsDouble(), highFrom, v), High),
                Vector512.ConditionalSelect(lowMoves, Vector512.ConditionalSelect(lowPrev, lowIdFrom, id), LowIds),
                Vector512.ConditionalSelect(highMoves, Vector512.ConditionalSelect(highPrev, highIdFrom, id), HighIds));
        }
    }
}
