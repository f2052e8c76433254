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
    public static void Select(ReadOnlySpan<double> points, Span<double> values, Span<int> entries)
    {
        var low = Vector512.Create(double.NegativeInfinity);
        var high = low;
        var lowIds = Vector512.Create(-1L);
        var highIds = lowIds;
        for (var e = 0; e < points.Length; e++)
        {
            var v = Vector512.Create(points[e]);
            var id = Vector512.Create((long)e);

            // Lanes strictly below the new score move down one; equal scores stay ahead of it.
            var lowMoves = Vector512.LessThan(low, v).AsInt64();
            var highMoves = Vector512.LessThan(high, v).AsInt64();
            var lowPrev = Avx512F.PermuteVar8x64x2(lowMoves, ShiftLow, highMoves) & NotFirstLane;
            var highPrev = Avx512F.PermuteVar8x64x2(lowMoves, ShiftHigh, highMoves);
            var lowFrom = Avx512F.PermuteVar8x64x2(low, ShiftLow, high);
            var highFrom = Avx512F.PermuteVar8x64x2(low, ShiftHigh, high);
            var lowIdFrom = Avx512F.PermuteVar8x64x2(lowIds, ShiftLow, highIds);
            var highIdFrom = Avx512F.PermuteVar8x64x2(lowIds, ShiftHigh, highIds);
            low = Vector512.ConditionalSelect(lowMoves.AsDouble(), Vector512.ConditionalSelect(lowPrev.AsDouble(), lowFrom, v), low);
            high = Vector512.ConditionalSelect(highMoves.AsDouble(), Vector512.ConditionalSelect(highPrev.AsDouble(), highFrom, v), high);
            lowIds = Vector512.ConditionalSelect(lowMoves, Vector512.ConditionalSelect(lowPrev, lowIdFrom, id), lowIds);
            highIds = Vector512.ConditionalSelect(highMoves, Vector512.ConditionalSelect(highPrev, highIdFrom, id), highIds);
        }

        low.CopyTo(values);
        high.CopyTo(values[8..]);
        for (var lane = 0; lane < 8; lane++)
        {
            entries[lane] = (int)lowIds.GetElement(lane);
            entries[lane + 8] = (int)highIds.GetElement(lane);
        }
    }
}
