using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

public sealed class CalcuttaGrain(
    [PersistentState("calcutta", LabStorage.Name)] IPersistentState<ImportedDatasetState<CalcuttaSnapshot>> state)
    : ImportedDatasetGrain<CalcuttaSnapshot>(state), ICalcuttaGrain
{
    protected override string IdOf(CalcuttaSnapshot snapshot) => snapshot.CalcuttaId;

    protected override string DigestOf(CalcuttaSnapshot snapshot) => snapshot.Digest;
}
