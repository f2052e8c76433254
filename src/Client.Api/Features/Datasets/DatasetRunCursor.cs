using System.Globalization;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Datasets;

/// <summary>A dataset-runs page cursor as it travels in the query string: <c>{UTC ticks}~{run id}</c>, exact to the tick like the index's order.</summary>
public static class DatasetRunCursor
{
    public static string Encode(RunCursor cursor) =>
        string.Create(CultureInfo.InvariantCulture, $"{cursor.CreatedAt.UtcTicks}~{cursor.RunId}");

    /// <summary>Null for anything this page did not write (the list then starts from the newest run).</summary>
    public static RunCursor? Decode(string? text)
    {
        var split = text?.IndexOf('~') ?? -1;
        return split > 0
               && long.TryParse(text![..split], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
               && ticks <= DateTimeOffset.MaxValue.UtcTicks
               && split + 1 < text.Length
            ? new RunCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(split + 1)..])
            : null;
    }
}
