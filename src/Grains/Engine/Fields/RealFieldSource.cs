using LabSandbox.Grains.Engine.Simulation;

namespace LabSandbox.Grains.Engine.Fields;

/// <summary>The pool's real entries (less the excluded one) in every field: hindsight when used to choose an entry.</summary>
public sealed class RealFieldSource(IReadOnlyList<PoolEntrant> entries) : IFieldSource
{
    private readonly IReadOnlyList<PoolEntrant> _entries = entries ?? throw new ArgumentNullException(nameof(entries));

    public int Opponents => _entries.Count;

    public bool IsFixed => true;

    public IReadOnlyList<PoolEntrant> Draw(long fieldIndex) => _entries;
}
