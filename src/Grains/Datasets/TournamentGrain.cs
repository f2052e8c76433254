using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

public sealed class TournamentGrain(
    [PersistentState("tournament", LabStorage.Name)] IPersistentState<ImportedDatasetState<TournamentSnapshot>> state)
    : ImportedDatasetGrain<TournamentSnapshot>(state), ITournamentGrain
{
    protected override string IdOf(TournamentSnapshot snapshot) => snapshot.TournamentId;

    protected override string DigestOf(TournamentSnapshot snapshot) => snapshot.Digest;
}
