namespace LabSandbox.Grains.Interfaces.Datasets;

[GenerateSerializer, Immutable, Alias("LabSandbox.EntryBid")]
public sealed record EntryBid(
    [property: Id(0)] string TeamId,
    [property: Id(1)] int BidPoints);

/// <summary>An entry of a pool, keyed by its stable <see cref="EntryKey"/> (never a display name, INV-8).</summary>
/// <param name="IsLabExcluded">The entry the Lab replaces with a candidate (<c>lab_excluded_entry</c>).</param>
[GenerateSerializer, Immutable, Alias("LabSandbox.PoolEntry")]
public sealed record PoolEntry(
    [property: Id(0)] string EntryKey,
    [property: Id(1)] bool IsLabExcluded,
    [property: Id(2)] IReadOnlyList<EntryBid> Bids);
