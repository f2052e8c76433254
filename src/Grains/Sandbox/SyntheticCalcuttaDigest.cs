using LabSandbox.Grains.Common;
using LabSandbox.Grains.Interfaces.Sandbox;

namespace LabSandbox.Grains.Sandbox;

/// <summary>What a synthetic calcutta's digest covers.</summary>
public static class SyntheticCalcuttaDigest
{
    /// <summary>
    /// The content only — not the version number, nor who made the version — so equal content has one digest, and
    /// the digests of versions stored before <see cref="SyntheticCalcuttaSnapshot.CreatedBy"/> existed stay the same.
    /// </summary>
    public static SyntheticCalcuttaSnapshot With(SyntheticCalcuttaSnapshot s) =>
        s with { Digest = ContentDigest.OfValueWithout(s with { Version = 0, Digest = "", CreatedBy = null }, "createdBy") };
}
