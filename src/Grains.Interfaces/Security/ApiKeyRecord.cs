namespace LabSandbox.Grains.Interfaces.Security;

/// <summary>
/// One API key as stored: its name (the actor every change it makes records), its role, and the SHA-256 of the key
/// (never the key itself). <see cref="Hint"/> is the key's prefix and first characters, enough to tell keys apart in
/// a list without revealing them.
/// </summary>
[GenerateSerializer, Immutable, Alias("LabSandbox.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Name,
    [property: Id(1)] string Role,
    [property: Id(2)] string Sha256,
    [property: Id(3)] string Hint,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}
