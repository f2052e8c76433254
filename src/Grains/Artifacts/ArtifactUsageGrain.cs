using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Artifacts;

namespace LabSandbox.Grains.Artifacts;

[GenerateSerializer]
public sealed class ArtifactUsageState
{
    [Id(0)] public List<ArtifactUse> Uses { get; set; } = [];
}

/// <summary>
/// Which runs pinned an artifact as an input: the downstream half of lineage, which artifact records cannot hold
/// (they are write-once and written before anything uses them). Appended by <c>RunGrain.CreateAsync</c>.
/// </summary>
public sealed class ArtifactUsageGrain(
    [PersistentState("artifactUsage", LabStorage.Name)] IPersistentState<ArtifactUsageState> state) : Grain, IArtifactUsageGrain
{
    /// <summary>A page is capped so one call never carries an unbounded list.</summary>
    public const int MaxPage = 500;

    public async Task AddAsync(ArtifactUse use)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(use.RunId);
        if (state.State.Uses.Exists(u => u.RunId == use.RunId))
        {
            return;
        }

        state.State.Uses.Add(use);
        await state.WriteStateAsync();
    }

    public Task<ArtifactUsagePage> GetAsync(int offset, int limit)
    {
        var uses = state.State.Uses;
        var page = uses.Skip(Math.Max(offset, 0)).Take(Math.Clamp(limit, 0, MaxPage)).ToList();
        return Task.FromResult(new ArtifactUsagePage(page, uses.Count));
    }
}
