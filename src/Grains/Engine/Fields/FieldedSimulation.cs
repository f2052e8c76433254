using LabSandbox.Grains.Engine.Advancement;
using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>
/// A <c>simulation</c> over a field source: the pool is the field's opponents plus one seat entry, compiled once per
/// field block (<see cref="FieldBlocks"/>) and sampled by the ordinary kernel into one accumulator. The opponents' keys
/// (<c>M001…</c> or <c>H001…</c>) and the seat's key are the same in every field, so entry e of the accumulator is the
/// same entry in every block and chunk totals merge exactly whatever the chunking (INV-2).
/// </summary>
public sealed class FieldedSimulation
{
    private readonly TournamentModel _tournament;
    private readonly IFieldSource _fields;
    private readonly PoolEntrant _seat;
    private readonly IReadOnlyList<RoundPoints> _scoringRules;
    private readonly IReadOnlyList<PositionPrize> _payouts;
    private SimulationKernel? _kernel;
    private long _compiledField = -1;

    public FieldedSimulation(
        TournamentModel tournament, IFieldSource fields, PoolEntrant seat, IReadOnlyList<RoundPoints> scoringRules, IReadOnlyList<PositionPrize> payouts)
    {
        ArgumentNullException.ThrowIfNull(tournament);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(seat);
        _tournament = tournament;
        _fields = fields;
        _seat = seat;
        _scoringRules = scoringRules;
        _payouts = payouts;
        Shape = Compile(0);
    }

    /// <summary>
    /// Field 0's pool: its entry keys, team ids and payout amounts are every field's, so it reads the merged totals
    /// (<see cref="SimulationMetrics.From"/>).
    /// </summary>
    public PoolModel Shape { get; }

    public SimulationAccumulator CreateAccumulator() => new(Shape.EntryCount, Shape.TeamIds.Length, Shape.PayoutAmounts.Length);

    /// <summary>Simulations <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1, each in its own field.</summary>
    public void Run(ulong seed, long start, long count, SimulationAccumulator into)
    {
        foreach (var (field, blockStart, blockCount) in FieldBlocks.Split(start, count))
        {
            if (_kernel is null || (!_fields.IsFixed && field != _compiledField))
            {
                _kernel = new SimulationKernel(_tournament, Compile(field));
                _compiledField = field;
            }

            _kernel.Run(seed, blockStart, blockCount, into);
        }
    }

    private PoolModel Compile(long fieldIndex)
    {
        var field = _fields.Draw(fieldIndex);
        if (field.Any(e => e.EntryKey == _seat.EntryKey))
        {
            throw new ArgumentException($"The field already has an entry '{_seat.EntryKey}'.", nameof(fieldIndex));
        }

        var pool = PoolModel.Create(_tournament.Bracket, [.. field, _seat], _scoringRules, _payouts);
        if (Shape is not null && !pool.EntryKeys.SequenceEqual(Shape.EntryKeys, StringComparer.Ordinal))
        {
            // Accumulator rows are entries by index: a field whose keys differ would merge one entry into another.
            throw new InvalidOperationException($"Field {fieldIndex} has other entry keys than field 0.");
        }

        return pool;
    }
}
