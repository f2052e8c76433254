using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Fields;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Experiments;

/// <summary>
/// Evaluates entry variants, each in turn taking one seat (<c>entryKey</c>) in the same field, on common random
/// numbers: simulation i's tournament depends only on (seed, i) and its field only on (field seed, i / 1,000), so every
/// variant sees the same tournaments and the same opponents, and the difference of their payouts is paired per
/// simulation. One kernel per variant (each owns its buffers); the first plays each tournament once and the others
/// settle it for their own pools. A real field is compiled once; a modeled one once per field block.
/// </summary>
public sealed class PairedEvaluator
{
    private const int CancellationStride = 4096;

    private readonly TournamentModel _tournament;
    private readonly IFieldSource _fields;
    private readonly IReadOnlyList<IReadOnlyList<EntrantBid>> _variants;
    private readonly string _entryKey;
    private readonly IReadOnlyList<RoundPoints> _scoringRules;
    private readonly IReadOnlyList<PositionPrize> _payouts;
    private readonly SimulationKernel[] _kernels;
    private readonly int[] _seat;
    private readonly long[] _payoutCents;
    private readonly int[] _positions;
    private long _compiledField = -1;

    /// <summary>The real field: <paramref name="field"/> in every simulation.</summary>
    public PairedEvaluator(
        TournamentModel tournament,
        IReadOnlyList<PoolEntrant> field,
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants,
        string entryKey,
        IReadOnlyList<RoundPoints> scoringRules,
        IReadOnlyList<PositionPrize> payouts)
        : this(tournament, new RealFieldSource(field), variants, entryKey, scoringRules, payouts)
    {
    }

    public PairedEvaluator(
        TournamentModel tournament,
        IFieldSource fields,
        IReadOnlyList<IReadOnlyList<EntrantBid>> variants,
        string entryKey,
        IReadOnlyList<RoundPoints> scoringRules,
        IReadOnlyList<PositionPrize> payouts)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentOutOfRangeException.ThrowIfZero(variants.Count);
        _tournament = tournament;
        _fields = fields;
        _variants = variants;
        _entryKey = entryKey;
        _scoringRules = scoringRules;
        _payouts = payouts;
        _kernels = new SimulationKernel[variants.Count];
        _seat = new int[variants.Count];
        _payoutCents = new long[variants.Count];
        _positions = new int[variants.Count];
        if (fields.IsFixed)
        {
            Compile(0); // fails at once on a field that already holds the seat, as before
        }
    }

    public int Variants => _kernels.Length;

    /// <summary>Totals for this evaluator: clustered by field block over a modeled field, whose blocks share opponents.</summary>
    public PairedTotals CreateTotals() => new(Variants, clustered: !_fields.IsFixed);

    /// <summary>Simulations <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 of every variant.</summary>
    public void Run(ulong seed, long start, long count, PairedTotals into, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        foreach (var (field, blockStart, blockCount) in FieldBlocks.Split(start, count))
        {
            if (!_fields.IsFixed && field != _compiledField)
            {
                Compile(field);
            }

            // A modeled field's block is one cluster of correlated simulations (nothing for the real field).
            if (!_fields.IsFixed)
            {
                into.EnterField(field);
            }

            for (var i = blockStart; i < blockStart + blockCount; i++)
            {
                if ((i - start) % CancellationStride == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var v = 0; v < _kernels.Length; v++)
                {
                    // Variant 0's kernel plays the tournament; the others settle that same tournament for their pools.
                    var (payout, position) = v == 0 ? _kernels[0].Settle(seed, i, _seat[0]) : _kernels[v].SettleSame(_kernels[0], _seat[v]);
                    _payoutCents[v] = payout;
                    _positions[v] = position;
                    into.Record(v, payout, position, _payoutCents[0], _positions[0]);
                }
            }
        }

        into.Simulations += count;
    }

    /// <summary>Every variant's kernel over field <paramref name="fieldIndex"/> plus the variant in the seat.</summary>
    private void Compile(long fieldIndex)
    {
        var field = _fields.Draw(fieldIndex);
        if (field.Any(e => e.EntryKey == _entryKey))
        {
            throw new ArgumentException($"The field already has an entry '{_entryKey}'.", "entryKey");
        }

        for (var v = 0; v < _variants.Count; v++)
        {
            var pool = PoolModel.Create(_tournament.Bracket, [.. field, new PoolEntrant(_entryKey, _variants[v])], _scoringRules, _payouts);
            _kernels[v] = new SimulationKernel(_tournament, pool);
            _seat[v] = pool.EntryKeys.IndexOf(_entryKey);
        }

        _compiledField = fieldIndex;
    }
}
