using LabSandbox.Grains.Engine.Optimizer;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Proposes an iteration's challengers around the incumbent from one seeded stream, so the same (incumbent, seed)
/// always gives the same batch. Local moves — shift points between held teams, swap a held team for another,
/// add or drop a team — explore the incumbent's neighbourhood; a <c>dp-v1</c> optimum under randomly perturbed
/// market predictions jumps further (the optimizer maximizes points; the search judges money). Every challenger
/// obeys the pool's rules and differs from the incumbent and from the batch's earlier challengers.
/// </summary>
public sealed class EntryProposer
{
    private const int TriesPerChallenger = 32;
    private const int MaxShift = 10;

    /// <summary>Move weights: shift, swap, add, drop, perturbed optimum.</summary>
    private static readonly double[] MoveWeights = [0.35, 0.25, 0.1, 0.1, 0.2];

    private readonly IReadOnlyList<OptimizerTeam> _teams;
    private readonly OptimizerBounds _bounds;
    private readonly Dictionary<string, OptimizerTeam> _byId;

    public EntryProposer(IReadOnlyList<OptimizerTeam> teams, OptimizerBounds bounds)
    {
        _teams = [.. teams.OrderBy(t => t.TeamId, StringComparer.Ordinal)];
        _bounds = bounds;
        _byId = _teams.ToDictionary(t => t.TeamId, StringComparer.Ordinal);
    }

    public IReadOnlyList<ProposedEntry> Propose(IReadOnlyList<EntrantBid> incumbent, int count, long seed)
    {
        var random = new SeededRandom(seed);
        var seen = new HashSet<string> { Signature(Normalize(incumbent)) };
        var batch = new List<ProposedEntry>(count);
        for (var c = 0; c < count; c++)
        {
            for (var attempt = 0; attempt < TriesPerChallenger; attempt++)
            {
                var move = random.NextWeighted(MoveWeights);
                var bids = new Dictionary<string, int>(incumbent.ToDictionary(b => b.TeamId, b => b.BidPoints), StringComparer.Ordinal);
                var (name, made) = move switch
                {
                    0 => (ProposalMoves.Shift, TryShift(bids, random)),
                    1 => (ProposalMoves.Swap, TrySwap(bids, random)),
                    2 => (ProposalMoves.Add, TryAdd(bids, random)),
                    3 => (ProposalMoves.Drop, TryDrop(bids, random)),
                    _ => (ProposalMoves.PerturbedOptimum, TryPerturbedOptimum(bids, random)),
                };
                if (!made || !IsValid(bids))
                {
                    continue;
                }

                var entry = Normalize(bids.Select(b => new EntrantBid(b.Key, b.Value)));
                if (seen.Add(Signature(entry)))
                {
                    batch.Add(new ProposedEntry(name, entry));
                    break;
                }
            }
        }

        return batch;
    }

    /// <summary>True when the bids obey the pool's rules over known, distinct teams.</summary>
    public bool IsValid(IReadOnlyDictionary<string, int> bids) =>
        bids.Count >= _bounds.MinTeams && bids.Count <= _bounds.MaxTeams
        && bids.Values.All(b => b >= _bounds.MinBid && b <= _bounds.MaxBid)
        && bids.Values.Sum() <= _bounds.Budget
        && bids.Keys.All(_byId.ContainsKey);

    public static IReadOnlyList<EntrantBid> Normalize(IEnumerable<EntrantBid> bids) =>
        [.. bids.OrderBy(b => b.TeamId, StringComparer.Ordinal)];

    public static string Signature(IReadOnlyList<EntrantBid> normalized) =>
        string.Join(',', normalized.Select(b => $"{b.TeamId}:{b.BidPoints}"));

    private bool TryShift(Dictionary<string, int> bids, SeededRandom random)
    {
        var held = Held(bids);
        var from = held[random.Next(held.Length)];
        var to = held[random.Next(held.Length)];
        var room = Math.Min(Math.Min(bids[from] - _bounds.MinBid, _bounds.MaxBid - bids[to]), MaxShift);
        if (from == to || room < 1)
        {
            return false;
        }

        var points = 1 + random.Next(room);
        bids[from] -= points;
        bids[to] += points;
        return true;
    }

    private bool TrySwap(Dictionary<string, int> bids, SeededRandom random)
    {
        var held = Held(bids);
        var outgoing = held[random.Next(held.Length)];
        var incoming = PickUnheld(bids, random, bids[outgoing]);
        if (incoming is null)
        {
            return false;
        }

        bids[incoming] = bids[outgoing];
        bids.Remove(outgoing);
        return true;
    }

    /// <summary>Adds a team at a small bid, paid from unspent budget and then from the largest bids.</summary>
    private bool TryAdd(Dictionary<string, int> bids, SeededRandom random)
    {
        if (bids.Count >= _bounds.MaxTeams)
        {
            return false;
        }

        var bid = _bounds.MinBid + random.Next(Math.Max(1, Math.Min(_bounds.MaxBid, MaxShift) - _bounds.MinBid + 1));
        var incoming = PickUnheld(bids, random, bid);
        if (incoming is null)
        {
            return false;
        }

        var owed = Math.Max(0, bids.Values.Sum() + bid - _bounds.Budget);
        while (owed > 0)
        {
            var largest = Held(bids).OrderByDescending(t => bids[t]).ThenBy(t => t, StringComparer.Ordinal).First();
            if (bids[largest] <= _bounds.MinBid)
            {
                return false;
            }

            bids[largest]--;
            owed--;
        }

        bids[incoming] = bid;
        return true;
    }

    /// <summary>Drops a team and gives its points to another held team, as far as the bid cap allows.</summary>
    private bool TryDrop(Dictionary<string, int> bids, SeededRandom random)
    {
        if (bids.Count <= _bounds.MinTeams)
        {
            return false;
        }

        var held = Held(bids);
        var dropped = held[random.Next(held.Length)];
        var points = bids[dropped];
        bids.Remove(dropped);
        var rest = Held(bids);
        var to = rest[random.Next(rest.Length)];
        bids[to] = Math.Min(_bounds.MaxBid, bids[to] + points);
        return true;
    }

    /// <summary>The <c>dp-v1</c> optimum when every team's market prediction is scaled by a factor uniform in [0.5, 1.5).</summary>
    private bool TryPerturbedOptimum(Dictionary<string, int> bids, SeededRandom random)
    {
        var perturbed = _teams.Select(t => t with { MarketPoints = t.MarketPoints * (0.5 + random.NextDouble()) }).ToList();
        if (DpOptimizer.Optimize(perturbed, _bounds) is not { } allocation)
        {
            return false;
        }

        bids.Clear();
        foreach (var bid in allocation.Bids)
        {
            bids[bid.TeamId] = bid.Bid;
        }

        return true;
    }

    /// <summary>An unheld team, drawn in proportion to the expected points a bid of <paramref name="bid"/> would capture.</summary>
    private string? PickUnheld(Dictionary<string, int> bids, SeededRandom random, int bid)
    {
        var unheld = _teams.Where(t => !bids.ContainsKey(t.TeamId)).ToArray();
        var weights = unheld.Select(t => t.ExpectedPoints * bid / (t.MarketPoints + bid)).ToArray();
        return unheld.Length == 0 || weights.All(w => w <= 0) ? null : unheld[random.NextWeighted(weights)].TeamId;
    }

    private static string[] Held(Dictionary<string, int> bids) => [.. bids.Keys.Order(StringComparer.Ordinal)];
}
