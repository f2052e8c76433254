using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LabSandbox.Grains.Interfaces.Security;

/// <summary>
/// The key format and its hash. A key is <see cref="Prefix"/> and 32 random bytes in base64url (256 bits: a plain
/// SHA-256 suffices to store it, no slow password hash is needed). The prefix makes a leaked key easy to recognise.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "lsk_";

    private const int RandomBytes = 32;

    /// <summary>A new random key (cryptographic randomness: a key is a secret, not a result to reproduce).</summary>
    public static string Generate() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes: what is stored and looked up.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What a list may show of a key: its prefix and the next four characters.</summary>
    public static string Hint(string key) => key.Length > Prefix.Length + 4 ? key[..(Prefix.Length + 4)] + "…" : Prefix + "…";

    /// <summary>Whether the text has the shape of a key (prefix, then 43 base64url characters).</summary>
    public static bool LooksLikeKey(string? text) =>
        text is { Length: 47 } && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlAlphabet) < 0;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
