using System.Security.Cryptography;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// Exact, mergeable totals of a range of simulations. Everything is an integer count or sum, so merging
/// chunk results in chunk order gives the same bits whatever the chunk boundaries were.
/// </summary>
/// <remarks>
/// Entry points enter the sums in fixed point (<see cref="PointsScale"/> units, rounded per simulation),
/// which keeps the sums associative; payouts are exact cents. The payout histogram counts, per entry, the
/// simulations paid each possible positive amount (<see cref="PoolModel.PayoutAmounts"/>); unpaid ones are implied.
/// </remarks>
public sealed class SimulationAccumulator
{
    /// <summary>Points are summed in units of 2⁻¹⁶ points.</summary>
    public const double PointsScale = 65536.0;

    public const int ProgressLevels = 8;

    public SimulationAccumulator(int entryCount, int teamCount, int payoutBuckets)
    {
        EntryCount = entryCount;
        TeamCount = teamCount;
        PayoutBuckets = payoutBuckets;
        PayoutCents = new long[entryCount];
        InTheMoney = new long[entryCount];
        PositionCounts = new long[entryCount * PoolModel.CountedPositions];
        PointsSum = new long[entryCount];
        PointsSquaresSum = new Int128[entryCount];
        PayoutHistogram = new long[entryCount * payoutBuckets];
        TeamProgressCounts = new long[teamCount * ProgressLevels];
    }

    public int EntryCount { get; }

    public int TeamCount { get; }

    /// <summary>Number of distinct positive payout amounts (histogram buckets per entry).</summary>
    public int PayoutBuckets { get; }

    public long Simulations { get; internal set; }

    /// <summary>Σ payout per entry, cents.</summary>
    public long[] PayoutCents { get; }

    /// <summary>Simulations with a payout &gt; 0, per entry.</summary>
    public long[] InTheMoney { get; }

    /// <summary><c>[entry * 10 + position − 1]</c>: simulations finishing in position 1..10 (tied or not).</summary>
    public long[] PositionCounts { get; }

    /// <summary>Σ round(points · 2¹⁶) per entry.</summary>
    public long[] PointsSum { get; }

    /// <summary>Σ round(points · 2¹⁶)² per entry.</summary>
    public Int128[] PointsSquaresSum { get; }

    /// <summary><c>[entry * PayoutBuckets + bucket]</c>: simulations paid that bucket's amount.</summary>
    public long[] PayoutHistogram { get; }

    /// <summary><c>[team * 8 + progress]</c>: simulations ending with that progress.</summary>
    public long[] TeamProgressCounts { get; }

    /// <summary>Adds <paramref name="other"/> (a later chunk of the same run) into this one.</summary>
    public void Merge(SimulationAccumulator other)
    {
        if (other.EntryCount != EntryCount || other.TeamCount != TeamCount || other.PayoutBuckets != PayoutBuckets)
        {
            throw new ArgumentException("Accumulators of different pools cannot be merged.", nameof(other));
        }

        Simulations += other.Simulations;
        Add(PayoutCents, other.PayoutCents);
        Add(InTheMoney, other.InTheMoney);
        Add(PositionCounts, other.PositionCounts);
        Add(PointsSum, other.PointsSum);
        Add(PayoutHistogram, other.PayoutHistogram);
        Add(TeamProgressCounts, other.TeamProgressCounts);
        for (var e = 0; e < EntryCount; e++)
        {
            PointsSquaresSum[e] += other.PointsSquaresSum[e];
        }
    }

    /// <summary>A canonical binary form of every total: equal accumulators, equal bytes.</summary>
    public byte[] ToCanonicalBytes()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream))
        {
            w.Write(EntryCount);
            w.Write(TeamCount);
            w.Write(PayoutBuckets);
            w.Write(Simulations);
            foreach (var array in new[] { PayoutCents, InTheMoney, PositionCounts, PointsSum, PayoutHistogram, TeamProgressCounts })
            {
                foreach (var value in array)
                {
                    w.Write(value);
                }
            }

            foreach (var square in PointsSquaresSum)
            {
                w.Write((ulong)(square >> 64));
                w.Write((ulong)square);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Reads what <see cref="ToCanonicalBytes"/> wrote (the form chunk results travel and rest in).</summary>
    public static SimulationAccumulator FromCanonicalBytes(byte[] bytes)
    {
        using var r = new BinaryReader(new MemoryStream(bytes));
        var totals = new SimulationAccumulator(r.ReadInt32(), r.ReadInt32(), r.ReadInt32()) { Simulations = r.ReadInt64() };
        foreach (var array in new[] { totals.PayoutCents, totals.InTheMoney, totals.PositionCounts, totals.PointsSum, totals.PayoutHistogram, totals.TeamProgressCounts })
        {
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = r.ReadInt64();
            }
        }

        for (var e = 0; e < totals.EntryCount; e++)
        {
            var high = r.ReadUInt64();
            totals.PointsSquaresSum[e] = (Int128)(((UInt128)high << 64) | r.ReadUInt64());
        }

        return r.BaseStream.Position == bytes.Length
            ? totals
            : throw new InvalidDataException("Trailing bytes after an accumulator.");
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="ToCanonicalBytes"/>.</summary>
    public string Digest() => Convert.ToHexStringLower(SHA256.HashData(ToCanonicalBytes()));

    private static void Add(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
