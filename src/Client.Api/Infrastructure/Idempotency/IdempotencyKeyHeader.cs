using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace LabSandbox.Api.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency-Key</c> request header: its rules, and the hash that says whether two requests are the same.</summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";

    public const int MaxLength = 200;

    /// <summary>
    /// The key as the caller's own: its name, a newline, then the header's value. What names the key's grain and the run
    /// it creates, so two callers choosing the same value never see each other's answer or run.
    /// </summary>
    public static string ScopedTo(string caller, string key) => $"{caller}\n{key}";

    /// <summary>
    /// One header value, without surrounding spaces or tabs, of 1 to <see cref="MaxLength"/> printable ASCII characters
    /// (U+0020 to U+007E).
    /// </summary>
    public static bool TryParse(StringValues values, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (values.Count != 1)
        {
            error = $"Send one '{Name}' header, not {values.Count}.";
            return false;
        }

        var value = (values[0] ?? "").Trim(' ', '\t');
        if (value.Length is 0 or > MaxLength || value.Any(c => c is < ' ' or > '~'))
        {
            error = $"'{Name}' must be 1 to {MaxLength} printable ASCII characters.";
            return false;
        }

        key = value;
        error = null;
        return true;
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the request's method, path (with its query string) and body bytes, each part
    /// length-prefixed so no two different requests run together. The body is buffered and rewound for the endpoint.
    /// </summary>
    public static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendPart(sha, request.Method.ToUpperInvariant());
        AppendPart(sha, request.PathBase.Add(request.Path).Value ?? "");
        AppendPart(sha, request.QueryString.Value ?? "");

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void AppendPart(IncrementalHash sha, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
