using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Lab;

/// <summary>
/// The Lab's upstream runs get ids derived from their full spec (params, dataset digests, inputs, engine),
/// so the artifacts a config needs are pinned by construction: the same config over the same data names the
/// same runs and artifacts, and generating again finds them instead of guessing a "latest run" (INV-7).
/// </summary>
public static class LabRunIds
{
    public static string For(RunSpec spec)
    {
        var identity = CanonicalJson.Serialize(new
        {
            spec.Kind,
            spec.ParamsHash,
            spec.DatasetRefs,
            spec.InputArtifactIds,
            spec.Seed,
            spec.EngineVersion,
        });
        return $"run-lab-{spec.Kind.Replace('_', '-')}-{ContentDigest.Hex(identity)[..16]}";
    }
}
