namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>The ids of every imported tournament and pool (a handful: one grain is enough).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.DatasetCatalog")]
public sealed record DatasetCatalog(
    [property: Id(0)] IReadOnlyList<string> TournamentIds,
    [property: Id(1)] IReadOnlyList<string> CalcuttaIds);

[Alias("LabSandbox.IDatasetCatalogGrain")]
public interface IDatasetCatalogGrain : IGrainWithStringKey
{
    /// <summary>The single catalog's key.</summary>
    const string Key = "real-datasets";

    /// <summary>Adds ids (set union); writes only when something is new.</summary>
    [Alias("Register")]
    Task RegisterAsync(IReadOnlyList<string> tournamentIds, IReadOnlyList<string> calcuttaIds);

    [ReadOnly, Alias("Get")]
    Task<DatasetCatalog> GetAsync();
}
