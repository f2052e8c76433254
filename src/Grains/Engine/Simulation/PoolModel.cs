using System.Collections.Immutable;
using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Bracket;

namespace LabSandbox.Grains.Engine.Simulation;

/// <summary>
/// A pool compiled for the kernel: entries in entry-key order, ownership shares stored team-major
/// (owners of each team, so teams that scored nothing cost nothing), points by progress and payouts.
/// </summary>
public sealed class PoolModel
{
    /// <summary>Positions 1..10 are counted per entry (P(1st), P(top 3/6/10)).</summary>
    public const int CountedPositions = 10;

    private PoolModel(
        ImmutableArray<string> teamIds, ImmutableArray<string> entryKeys, int[] ownerStart, int[] owners, double[] shares,
        double[] pointsByProgress, long[] payoutCents)
    {
        TeamIds = teamIds;
        EntryKeys = entryKeys;
        OwnerStart = ownerStart;
        Owners = owners;
        Shares = shares;
        PointsByProgress = pointsByProgress;
        PayoutCents = payoutCents;
        RankedPositions = Math.Max(CountedPositions, payoutCents.Length);
        PayoutAmounts = PossiblePayouts(payoutCents, entryKeys.Length);
        PositionPayoutIndex = payoutCents.Select(c => Array.BinarySearch(PayoutAmounts, c)).ToArray();

        // The same shares, dense: one row of every entry's share per owned team, padded for vectors.
        PaddedEntryCount = (entryKeys.Length + 7) / 8 * 8;
        OwnedRow = new int[ownerStart.Length - 1];
        var rows = 0;
        for (var t = 0; t < OwnedRow.Length; t++)
        {
            OwnedRow[t] = ownerStart[t + 1] > ownerStart[t] ? rows++ : -1;
        }

        DenseShares = new double[rows * PaddedEntryCount];
        for (var t = 0; t < OwnedRow.Length; t++)
        {
            for (var k = ownerStart[t]; k < ownerStart[t + 1]; k++)
            {
                DenseShares[(OwnedRow[t] * PaddedEntryCount) + owners[k]] = shares[k];
            }
        }
    }

    /// <summary>The bracket's team ids in team-index order.</summary>
    public ImmutableArray<string> TeamIds { get; }

    /// <summary>Entry keys in ordinal order; an entry's index is its position here.</summary>
    public ImmutableArray<string> EntryKeys { get; }

    public int EntryCount => EntryKeys.Length;

    /// <summary>Owners of team t are <c>Owners[OwnerStart[t] .. OwnerStart[t + 1])</c> with their shares.</summary>
    internal int[] OwnerStart { get; }

    internal int[] Owners { get; }

    internal double[] Shares { get; }

    /// <summary>Entry count rounded up to a multiple of 8 (the row length of <see cref="DenseShares"/>).</summary>
    internal int PaddedEntryCount { get; }

    /// <summary>Row of team t in <see cref="DenseShares"/>, or −1 when nobody bid on it.</summary>
    internal int[] OwnedRow { get; }

    /// <summary><c>[row * PaddedEntryCount + entry]</c>: the entry's share of the row's team (0 for non-owners).</summary>
    internal double[] DenseShares { get; }

    /// <summary>Team points for progress 0..7 under the pool's scoring rules.</summary>
    internal double[] PointsByProgress { get; }

    /// <summary>Prize of position p (1-based) at index p − 1, in cents.</summary>
    public long[] PayoutCents { get; }

    /// <summary>
    /// Every positive amount one entry can be paid in one simulation (a position's prize, or a share of
    /// pooled prizes split within a tie group), ascending: the buckets of the payout histogram.
    /// </summary>
    public long[] PayoutAmounts { get; }

    /// <summary>Histogram bucket of an untied finish at position p (index p − 1); −1 for a zero prize.</summary>
    internal int[] PositionPayoutIndex { get; }

    /// <summary>
    /// How many simulations' squared fixed-point points surely fit in 64 bits: an entry never scores more
    /// than the whole field, so each square is at most (field total · 2¹⁶)².
    /// </summary>
    internal int SquareBlockSimulations { get; private init; }

    /// <summary>How many finishing positions the kernel resolves exactly: the counted ones and every paid one.</summary>
    public int RankedPositions { get; }

    /// <summary>Entries by exact expected points, best first: the standings buffer then fills with winners early.</summary>
    internal int[] LikelyWinnersFirst(TournamentModel tournament)
    {
        var expected = new double[EntryCount];
        for (var t = 0; t < CompiledBracket.TeamCount; t++)
        {
            var teamExpected = 0.0;
            for (var r = 1; r <= CompiledBracket.RoundCount; r++)
            {
                var winPoints = PointsByProgress[r] - PointsByProgress[r - 1];
                teamExpected += tournament.ReachProbabilities[(t * CompiledBracket.RoundCount) + r - 1] * winPoints;
            }

            for (var k = OwnerStart[t]; k < OwnerStart[t + 1]; k++)
            {
                expected[Owners[k]] += Shares[k] * teamExpected;
            }
        }

        return Enumerable.Range(0, EntryCount).OrderByDescending(e => expected[e]).ThenBy(e => e).ToArray();
    }

    private static long[] PossiblePayouts(long[] payoutCents, int entryCount)
    {
        var amounts = new SortedSet<long>();
        for (var position = 1; position <= payoutCents.Length; position++)
        {
            long pooled = 0;
            for (var size = 1; size <= entryCount; size++)
            {
                var last = position + size - 1;
                pooled += last <= payoutCents.Length ? payoutCents[last - 1] : 0;
                amounts.Add(pooled / size);
                amounts.Add((pooled / size) + 1);
            }
        }

        amounts.RemoveWhere(a => a <= 0);
        return [.. amounts];
    }

    /// <summary>
    /// Compiles a field of entries against a bracket's team indexes. Ownership share of entry e in team t
    /// is bid(e, t) / Σ bids on t over this field; points of a team nobody bid on go to nobody.
    /// </summary>
    public static PoolModel Create(
        CompiledBracket bracket, IReadOnlyList<PoolEntrant> entries, IReadOnlyList<RoundPoints> scoringRules, IReadOnlyList<PositionPrize> payouts)
    {
        var ordered = entries.OrderBy(e => e.EntryKey, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A pool needs at least one entry.", nameof(entries));
        }

        if (ordered.Select(e => e.EntryKey).Distinct(StringComparer.Ordinal).Count() != ordered.Count)
        {
            throw new ArgumentException("Entry keys must be unique.", nameof(entries));
        }

        var teamCount = CompiledBracket.TeamCount;
        var bidsByTeam = new List<(int Entry, int Bid)>[teamCount];
        for (var t = 0; t < teamCount; t++)
        {
            bidsByTeam[t] = [];
        }

        for (var e = 0; e < ordered.Count; e++)
        {
            foreach (var bid in ordered[e].Bids)
            {
                var team = bracket.IndexOf(bid.TeamId);
                if (team < 0)
                {
                    throw new ArgumentException($"Entry {ordered[e].EntryKey} bids on '{bid.TeamId}', which is not in {bracket.TournamentId}.", nameof(entries));
                }

                if (bid.BidPoints <= 0)
                {
                    throw new ArgumentException($"Entry {ordered[e].EntryKey} bids {bid.BidPoints} on '{bid.TeamId}'; bids must be positive.", nameof(entries));
                }

                bidsByTeam[team].Add((e, bid.BidPoints));
            }
        }

        var ownerStart = new int[teamCount + 1];
        var owners = new List<int>();
        var shares = new List<double>();
        for (var t = 0; t < teamCount; t++)
        {
            ownerStart[t] = owners.Count;
            double total = bidsByTeam[t].Sum(b => b.Bid);
            foreach (var (entry, bid) in bidsByTeam[t])
            {
                owners.Add(entry);
                shares.Add(bid / total);
            }
        }

        ownerStart[teamCount] = owners.Count;
        var scoring = ScoringTable.From(scoringRules);
        var payoutCents = payouts.OrderBy(p => p.Position).Select(p => p.AmountCents).ToArray();
        if (!payouts.Select(p => p.Position).Order().SequenceEqual(Enumerable.Range(1, payouts.Count)) || payoutCents.Any(c => c < 0))
        {
            throw new ArgumentException("Payouts must cover positions 1..n once each with non-negative cents.", nameof(payouts));
        }

        var maxQ = (double)scoring.FieldTotal * SimulationAccumulator.PointsScale;
        var perBlock = Math.Floor(ulong.MaxValue / Math.Max(1.0, maxQ * maxQ));
        if (perBlock < 1)
        {
            throw new ArgumentException(
                $"Scoring rules giving a field of {scoring.FieldTotal} points are too large for the fixed-point sums (at most 46,340).",
                nameof(scoringRules));
        }

        return new PoolModel(
            bracket.TeamIds, ordered.Select(e => e.EntryKey).ToImmutableArray(), ownerStart, owners.ToArray(), shares.ToArray(),
            scoring.PointsByProgress.Select(p => (double)p).ToArray(), payoutCents)
        {
            SquareBlockSimulations = (int)Math.Min(64, perBlock),
        };
    }
}
