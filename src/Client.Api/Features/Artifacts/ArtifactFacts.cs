using System.Globalization;
using System.Text.Json;

namespace LabSandbox.Api.Features.Artifacts;

/// <summary>Small readable forms of an artifact's facts: sizes, instants, a retention run's setting.</summary>
public static class ArtifactFacts
{
    public static string Size(long bytes)
    {
        var exact = bytes.ToString("#,0", CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
        return bytes switch
        {
            >= 1 << 20 => $"{(bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MiB ({exact})",
            >= 1 << 10 => $"{(bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture)} KiB ({exact})",
            _ => exact,
        };
    }

    /// <summary>An instant in UTC, to the second, the same on every machine.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A retention run's <c>olderThanDays</c> from its pinned params, when it has one.</summary>
    public static int? OlderThanDays(string paramsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(paramsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("olderThanDays", out var days) && days.TryGetInt32(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
