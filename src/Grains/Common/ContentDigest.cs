using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LabSandbox.Grains.Common;

/// <summary>Content digests (<c>sha256:…</c>) of bytes and of values in their canonical JSON form.</summary>
public static class ContentDigest
{
    private static string Of(ReadOnlySpan<byte> bytes) => "sha256:" + Hex(bytes);

    private static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Digest of a value's canonical JSON (see <see cref="CanonicalJson"/>).</summary>
    public static string OfValue<T>(T value) => Of(CanonicalJson.Serialize(value));

    /// <summary>
    /// Digest of a value's canonical JSON without one of its top-level properties: for a record that carries a fact
    /// about its content (who made it) beside the content itself, so equal content keeps the digest it always had.
    /// </summary>
    public static string OfValueWithout<T>(T value, string property)
    {
        var node = JsonSerializer.SerializeToNode(value, Options)!.AsObject();
        node.Remove(property);
        return Of(CanonicalJson.Canonicalize(node));
    }

    /// <summary>Lower-case hex SHA-256 of the bytes, without a prefix.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Hex(string text) => Hex(Encoding.UTF8.GetBytes(text));

    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
