using System.Diagnostics.CodeAnalysis;
using LabSandbox.Grains.Artifacts;

namespace LabSandbox.Silo.Artifacts;

/// <summary>
/// The storage URI of the PostgreSQL artifact store: <c>postgresql:artifacts/&lt;sha256&gt;/&lt;artifactId&gt;/&lt;fileName&gt;</c>,
/// the SHA-256 lower-case hex and the two names percent-encoded (RFC 3986 unreserved characters stay as they are).
/// It names a reference (artifact id + file name) and the content it must point at, so a reader never gets another
/// artifact's bytes and a delete never removes a reference rewritten since.
/// A URI is read back from grain state (a database row), so parsing is strict: exactly this form, the canonical
/// encoding only, names that are single plain segments; anything else is refused.
/// </summary>
public sealed record PostgresArtifactUri(string Sha256, string ArtifactId, string FileName)
{
    /// <summary>The URI scheme, including the colon, that <see cref="CompositeArtifactStore"/> dispatches on.</summary>
    public const string Scheme = "postgresql:";

    private const string Prefix = Scheme + "artifacts/";

    /// <summary>Longest artifact id or file name accepted (both are short generated names in practice).</summary>
    public const int MaxNameLength = 200;

    public override string ToString() =>
        $"{Prefix}{Sha256}/{Uri.EscapeDataString(ArtifactId)}/{Uri.EscapeDataString(FileName)}";

    /// <summary>True when <paramref name="name"/> is a name this store accepts for an artifact id or a file name.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && ArtifactStorePaths.IsPlainSegment(name);

    /// <summary>The parts of a URI of this store; <see cref="UnauthorizedAccessException"/> when it is anything else.</summary>
    public static PostgresArtifactUri Parse(string? storageUri) =>
        TryParse(storageUri, out var parsed)
            ? parsed
            : throw new UnauthorizedAccessException($"'{storageUri}' is not a storage URI of the PostgreSQL artifact store.");

    public static bool TryParse(string? storageUri, [NotNullWhen(true)] out PostgresArtifactUri? parsed)
    {
        parsed = null;
        if (storageUri is null || !storageUri.StartsWith(Prefix, StringComparison.Ordinal) || storageUri.Length > 1024)
        {
            return false;
        }

        var parts = storageUri[Prefix.Length..].Split('/');
        if (parts.Length != 3 || !IsSha256(parts[0]))
        {
            return false;
        }

        string artifactId, fileName;
        try
        {
            artifactId = Uri.UnescapeDataString(parts[1]);
            fileName = Uri.UnescapeDataString(parts[2]);
        }
        catch (UriFormatException)
        {
            return false;
        }

        var candidate = new PostgresArtifactUri(parts[0], artifactId, fileName);
        // Only the form ToString writes: no alternative encodings of the same name (%2e%2e, mixed case escapes).
        if (!IsValidName(artifactId) || !IsValidName(fileName) || candidate.ToString() != storageUri)
        {
            return false;
        }

        parsed = candidate;
        return true;
    }

    /// <summary>64 lower-case hex digits.</summary>
    public static bool IsSha256(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
