using System.Net.Http.Headers;
using System.Text;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>
/// One generated request, malformed on purpose: <see cref="Break"/> names the one thing that makes it invalid for
/// certain (so no well-behaved API may accept it); <see cref="Noise"/> lists the odd-but-maybe-valid values added on top.
/// </summary>
public sealed record FuzzCase(
    FuzzOperation Operation,
    string Break,
    IReadOnlyList<string> Noise,
    IReadOnlyList<string> PathValues,
    byte[]? Body,
    string? ContentType,
    bool Chunked)
{
    /// <summary>The path with each parameter replaced by its (already URL-escaped) value.</summary>
    public string Path
    {
        get
        {
            var path = Operation.PathTemplate;
            for (var i = 0; i < Operation.PathParameters.Count; i++)
            {
                path = path.Replace("{" + Operation.PathParameters[i] + "}", PathValues[i], StringComparison.Ordinal);
            }

            return path;
        }
    }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Path);
        if (Body is not null)
        {
            request.Content = Chunked ? new StreamContent(new MemoryStream(Body)) : new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }

            if (Chunked)
            {
                request.Headers.TransferEncodingChunked = true;
            }
        }

        return request;
    }

    /// <summary>What a failure report shows: the request line, what was broken, and the start of the body (bytes escaped).</summary>
    public override string ToString()
    {
        var preview = Body is null ? "(none)" : Escape(Body.AsSpan(0, Math.Min(Body.Length, 300))) + (Body.Length > 300 ? $"… ({Body.Length} bytes)" : "");
        return $"{Operation.Method} {Path} [{Break}; noise: {string.Join(", ", Noise)}] content-type={ContentType ?? "(none)"}{(Chunked ? " chunked" : "")} body={preview}";
    }

    private static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }
}
