using System.Text.Json;
using System.Text.Unicode;
using LabSandbox.Api.Infrastructure.Hardening;

namespace LabSandbox.Api.Infrastructure.Requests;

/// <summary>
/// The checks a JSON body passes before anything parses it into nodes. Each failure is a 400 with its own message,
/// because each used to slip through: invalid UTF-8 bytes were silently replaced by U+FFFD, and an escaped lone
/// surrogate (<c>"\ud800"</c>) parsed fine but threw (a 500) the moment the text was written out again.
/// </summary>
public static class JsonBodyText
{
    /// <summary>Duplicate names are refused too: a node tree cannot hold them, and which one wins would be a guess.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = HardeningOptions.MaxJsonDepth, AllowDuplicateProperties = false };

    /// <summary>The whole body (already capped by the request-body limit, which throws a 413 past it).</summary>
    public static async Task<byte[]> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Throws a 400 for a body that is empty, not UTF-8, not JSON, too deep, or holds an undecodable string.</summary>
    public static void Validate(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new ClientInputException("The body is empty; send a JSON object.");
        }

        if (!Utf8.IsValid(bytes))
        {
            throw new ClientInputException("The body is not valid UTF-8 JSON.");
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = HardeningOptions.MaxJsonDepth });
        string? field = null;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
                {
                    continue;
                }

                if (!TryDecode(ref reader, out var text))
                {
                    var what = reader.TokenType == JsonTokenType.PropertyName ? "a property name after " : "";
                    throw new ClientInputException(
                        $"The body's {what}'{field ?? "$"}' holds an escaped lone surrogate (\\uD800–\\uDFFF without its pair), which is not text.",
                        field: field ?? "$");
                }

                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    field = text;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ClientInputException($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static bool TryDecode(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
