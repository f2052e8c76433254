namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>Holds one imported real pool; keyed by its id (<c>calcutta-YYYY</c>).</summary>
[Alias("LabSandbox.ICalcuttaGrain")]
public interface ICalcuttaGrain : IGrainWithStringKey
{
    /// <summary>Stores the snapshot; the same digest twice writes nothing.</summary>
    [Alias("Import")]
    Task<ImportOutcome> ImportAsync(CalcuttaSnapshot snapshot);

    /// <summary>The snapshot, or null when nothing was imported under this id.</summary>
    [ReadOnly, Alias("Get")]
    Task<CalcuttaSnapshot?> GetAsync();
}
