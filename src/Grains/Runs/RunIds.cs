using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Every scheme that names a run, in one place. Ids come from content (a spec's digest, an idempotency key's hash)
/// or a durable counter, never from a clock or a GUID, and their shape says how the run was made.
/// </summary>
public static class RunIds
{
    /// <summary><c>run-{kind}-{params hash}-{n}</c>: the n-th run of a (kind, params) key, issued by its allocator grain.</summary>
    public static string Allocated(string allocatorKey, long n) => string.Create(CultureInfo.InvariantCulture, $"run-{allocatorKey}-{n}");

    /// <summary>
    /// <c>run-{kind}-{hash of the key}-key</c>: a retry after a failure that left the run created (but no answer kept)
    /// names the same run instead of creating a second one.
    /// </summary>
    public static string ForIdempotencyKey(string kind, string key) =>
        $"run-{Slug(kind)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())))[..16]}-key";

    /// <summary>
    /// <c>run-{kind}-{spec digest}-pinned</c>, then <c>-r2</c>, <c>-r3</c>… for the starts that follow a failed or cancelled
    /// one: the same spec (params, dataset digests, inputs, seed, engine) names the same run on any cluster (INV-7).
    /// </summary>
    public static string SpecDerived(RunSpec spec, int start = 1)
    {
        var identity = CanonicalJson.Serialize(new { spec.Kind, spec.ParamsHash, spec.DatasetRefs, spec.InputArtifactIds, spec.Seed, spec.EngineVersion });
        var id = $"run-{Slug(spec.Kind)}-{ContentDigest.Hex(identity)[..16]}-pinned";
        return start == 1 ? id : string.Create(CultureInfo.InvariantCulture, $"{id}-r{start}");
    }

    /// <summary><c>run-experiment-{experiment}</c>: the durable driver of an experiment's search.</summary>
    public static string ExperimentDriver(string experimentId) => $"run-experiment-{experimentId}";

    /// <summary><c>run-{experiment}-i{iteration}-s{sample}-{purpose}</c>: an experiment's evaluation, where it belongs.</summary>
    public static string ExperimentEvaluation(string experimentId, int iteration, int sample, string purpose) =>
        string.Create(CultureInfo.InvariantCulture, $"run-{experimentId}-i{iteration:D3}-s{sample:D2}-{purpose}");

    private static string Slug(string kind) => kind.Replace('_', '-');
}
