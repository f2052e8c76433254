using LabSandbox.Grains.Common;
using Orleans.Placement;

namespace LabSandbox.Persistence.Tests.Grains;

/// <summary>State written through ADO.NET storage. Plain settable properties: the storage serializer is System.Text.Json.</summary>
[GenerateSerializer]
public sealed class ProfileState
{
    [Id(0)] public string Name { get; set; } = "";

    [Id(1)] public int Visits { get; set; }

    [Id(2)] public List<string> Tags { get; set; } = [];

    [Id(3)] public DateTimeOffset? LastSeen { get; set; }
}

public interface IProfileGrain : IGrainWithStringKey
{
    Task SaveAsync(ProfileState state);

    Task<ProfileState> GetAsync();

    Task<string?> GetETagAsync();

    /// <summary>Where the activation lives, to show state crossing silos and clusters.</summary>
    Task<string> GetSiloAsync();
}

// Random placement spreads the grains over both silos of a cluster, so a restart test really stops
// the silos that wrote.
[RandomPlacement]
public sealed class ProfileGrain(
    [PersistentState("profile", LabStorage.Name)] IPersistentState<ProfileState> profile,
    ILocalSiloDetails silo) : Grain, IProfileGrain
{
    public async Task SaveAsync(ProfileState state)
    {
        profile.State = state;
        await profile.WriteStateAsync();
    }

    public Task<ProfileState> GetAsync() => Task.FromResult(profile.State);

    public Task<string?> GetETagAsync() => Task.FromResult(profile.Etag);

    public Task<string> GetSiloAsync() => Task.FromResult(silo.SiloAddress.ToString());
}
