namespace LabSandbox.Grains.Interfaces.Security;

/// <summary>The outcome of creating or revoking a key: the record, or why it was refused (a name taken, none such).</summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ApiKeyChange")]
public sealed record ApiKeyChange(
    [property: Id(0)] ApiKeyRecord? Key,
    [property: Id(1)] string? Error);

/// <summary>
/// Every API key of the service, in one grain (key <see cref="Key"/>): one activation in the cluster answers every
/// lookup, so a revoked key is refused by the very next request whichever silo or API process asks.
/// </summary>
[Alias("LabSandbox.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    /// <summary>The one registry's grain key.</summary>
    public const string Key = "keys";

    /// <summary>Adds a key by its hash; refused when an active key already has the name or the hash.</summary>
    [Alias("Create")]
    Task<ApiKeyChange> CreateAsync(string name, string role, string sha256, string hint, DateTimeOffset createdAt);

    /// <summary>Revokes the active key of that name; refused when there is none.</summary>
    [Alias("Revoke")]
    Task<ApiKeyChange> RevokeAsync(string name, DateTimeOffset revokedAt);

    /// <summary>The active key with this hash, or null (unknown or revoked).</summary>
    [ReadOnly, Alias("Find")]
    Task<ApiKeyRecord?> FindAsync(string sha256);

    /// <summary>Every key, active and revoked, by name.</summary>
    [ReadOnly, Alias("List")]
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync();
}
