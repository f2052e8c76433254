namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// The clustering part of <see cref="PairedTotals"/> over a modeled field: every variant's sums in the open cluster
/// (the field block being played) and the closed clusters' <see cref="ClusterSums"/> of each variant paired with
/// variant 0. A cluster closes when a simulation of another field is recorded, so a block split over several calls on
/// the same totals stays one cluster, and the result never depends on how a run was cut into calls.
/// </summary>
internal sealed class ClusterTotals
{
    private readonly ClusterSums[] _closed;
    private readonly long[] _payout;
    private readonly Int128[] _squares;
    private readonly long[] _firsts;
    private readonly long[] _inTheMoney;
    private long _openField = -1;
    private long _openSimulations;

    public ClusterTotals(int variants)
    {
        _closed = Enumerable.Repeat(ClusterSums.Empty, variants).ToArray();
        _payout = new long[variants];
        _squares = new Int128[variants];
        _firsts = new long[variants];
        _inTheMoney = new long[variants];
    }

    /// <summary>The next simulations play field <paramref name="field"/>: a new field closes the open cluster.</summary>
    public void Enter(long field)
    {
        if (field != _openField)
        {
            Close();
            _openField = field;
        }
    }

    public void Record(int variant, long payoutCents, bool first, bool inTheMoney)
    {
        _openSimulations += variant == 0 ? 1 : 0;
        _payout[variant] = checked(_payout[variant] + payoutCents);
        _squares[variant] = checked(_squares[variant] + ((Int128)payoutCents * payoutCents));
        _firsts[variant] += first ? 1 : 0;
        _inTheMoney[variant] += inTheMoney ? 1 : 0;
    }

    /// <summary>Variant <paramref name="variant"/>'s cluster sums paired with variant 0's, the open cluster included.</summary>
    public ClusterSums Sums(int variant) =>
        _openSimulations == 0 ? _closed[variant] : _closed[variant].With(Open(variant));

    /// <summary>Merges totals of other fields (another seed, or a chunk cut at a field boundary): its clusters are distinct.</summary>
    public void Add(ClusterTotals other)
    {
        Close();
        for (var v = 0; v < _closed.Length; v++)
        {
            _closed[v] = _closed[v].Add(other.Sums(v));
        }
    }

    private void Close()
    {
        if (_openSimulations == 0)
        {
            return;
        }

        for (var v = 0; v < _closed.Length; v++)
        {
            _closed[v] = _closed[v].With(Open(v));
        }

        Array.Clear(_payout);
        Array.Clear(_squares);
        Array.Clear(_firsts);
        Array.Clear(_inTheMoney);
        _openSimulations = 0;
        _openField = -1;
    }

    /// <summary>z = (m, X, Y, X2, Y2, F, G, I, J) of the open cluster, variant <paramref name="v"/> against variant 0.</summary>
    private Int128[] Open(int v) =>
        [_openSimulations, _payout[v], _payout[0], _squares[v], _squares[0], _firsts[v], _firsts[0], _inTheMoney[v], _inTheMoney[0]];
}
