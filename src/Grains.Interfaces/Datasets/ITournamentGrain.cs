namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>Holds one imported tournament; keyed by its id (<c>ncaa-YYYY</c>).</summary>
[Alias("LabSandbox.ITournamentGrain")]
public interface ITournamentGrain : IGrainWithStringKey
{
    /// <summary>Stores the snapshot; the same digest twice writes nothing.</summary>
    [Alias("Import")]
    Task<ImportOutcome> ImportAsync(TournamentSnapshot snapshot);

    /// <summary>The snapshot, or null when nothing was imported under this id.</summary>
    [ReadOnly, Alias("Get")]
    Task<TournamentSnapshot?> GetAsync();
}
