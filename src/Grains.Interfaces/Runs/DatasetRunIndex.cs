namespace LabSandbox.Grains.Interfaces.Runs;

/// <summary>One run that pinned a dataset version: which run, its kind, and under which role it named the dataset.</summary>
/// <param name="DatasetKind">The role the run gave the dataset (one of <see cref="DatasetKinds"/>).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.DatasetRunEntry")]
public sealed record DatasetRunEntry(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Kind,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string DatasetKind,
    [property: Id(4)] string DatasetId);

/// <summary>A page of a dataset's runs, newest first, after <see cref="After"/> (the catalog's cursor order).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.DatasetRunQuery")]
public sealed record DatasetRunQuery(
    [property: Id(0)] string? Kind,
    [property: Id(1)] RunCursor? After,
    [property: Id(2)] int Limit);

[GenerateSerializer, Immutable, Alias("LabSandbox.DatasetRunPage")]
public sealed record DatasetRunPage(
    [property: Id(0)] IReadOnlyList<DatasetRunEntry> Items,
    [property: Id(1)] int Total);

/// <summary>
/// The runs that pinned one dataset version, keyed by the dataset's digest (<c>sha256:…</c>). The run catalog is
/// sharded by run id, so "which runs used this tournament" would otherwise scan every run; a run adds itself here
/// once per digest it pins when it is created (a spec never changes, so neither does the entry).
/// </summary>
[Alias("LabSandbox.IDatasetRunIndexGrain")]
public interface IDatasetRunIndexGrain : IGrainWithStringKey
{
    /// <summary>Records the run; the same entry again writes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(DatasetRunEntry entry);

    /// <summary>Up to <see cref="DatasetRunQuery.Limit"/> entries of the kind after the cursor, newest first, and how many match in all.</summary>
    [ReadOnly, Alias("Query")]
    Task<DatasetRunPage> QueryAsync(DatasetRunQuery query);
}
