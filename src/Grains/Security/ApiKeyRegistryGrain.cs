using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Security;

namespace LabSandbox.Grains.Security;

[GenerateSerializer]
public sealed class ApiKeyRegistryState
{
    /// <summary>Every key ever created, revoked ones included (a revoked name may be created again as a new key).</summary>
    [Id(0)] public List<ApiKeyRecord> Keys { get; set; } = [];
}

/// <summary>
/// Every API key of the service, by hash (<see cref="IApiKeyRegistryGrain"/>). The key text never reaches this grain:
/// callers hash it first, so neither the stored state nor a call's arguments can leak it. Lookups are answered from
/// memory; every change is written before it is acknowledged, so a revocation that returned holds after any restart.
/// </summary>
public sealed class ApiKeyRegistryGrain(
    [PersistentState("apiKeys", LabStorage.Name)] IPersistentState<ApiKeyRegistryState> state) : Grain, IApiKeyRegistryGrain
{
    public async Task<ApiKeyChange> CreateAsync(string name, string role, string sha256, string hint, DateTimeOffset createdAt)
    {
        if (ApiKeyRules.NameProblem(name) is { } nameProblem)
        {
            return Refused(nameProblem);
        }

        if (ApiKeyRules.RoleProblem(role) is { } roleProblem)
        {
            return Refused(roleProblem);
        }

        if (!ApiKeyRules.IsSha256(sha256) || string.IsNullOrWhiteSpace(hint))
        {
            return Refused("A key is stored by its lowercase hex SHA-256 and a non-blank hint.");
        }

        if (state.State.Keys.Any(k => k.IsActive && k.Name == name))
        {
            return Refused($"An active key named '{name}' exists; revoke it first or choose another name.");
        }

        if (state.State.Keys.Any(k => k.Sha256 == sha256))
        {
            return Refused("A key with this hash exists already; generate a new key.");
        }

        var record = new ApiKeyRecord(name, role, sha256, hint, createdAt, RevokedAt: null);
        state.State.Keys.Add(record);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Keys.Remove(record);
            throw;
        }

        return new ApiKeyChange(record, null);
    }

    public async Task<ApiKeyChange> RevokeAsync(string name, DateTimeOffset revokedAt)
    {
        var index = state.State.Keys.FindIndex(k => k.IsActive && k.Name == name);
        if (index < 0)
        {
            return Refused($"No active key is named '{name}'.");
        }

        var active = state.State.Keys[index];
        var revoked = active with { RevokedAt = revokedAt };
        state.State.Keys[index] = revoked;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Keys[index] = active;
            throw;
        }

        return new ApiKeyChange(revoked, null);
    }

    public Task<ApiKeyRecord?> FindAsync(string sha256) =>
        Task.FromResult(state.State.Keys.FirstOrDefault(k => k.IsActive && k.Sha256 == sha256));

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>(
            [.. state.State.Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.CreatedAt)]);

    private static ApiKeyChange Refused(string error) => new(null, error);
}
