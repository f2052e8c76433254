using System.Globalization;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>
/// The Runs page's filters as the query string spells them: <c>kind</c>, <c>status</c>, <c>deadLettered</c>
/// (true/false) and a created range of UTC dates <c>from</c>..<c>to</c>, both days included.
/// </summary>
public sealed record RunFilterValues(string? Kind, string? Status, string? DeadLettered, string? From, string? To)
{
    public static readonly RunFilterValues None = new(null, null, null, null, null);

    /// <summary>The index query of these filters, or the problem with the one that does not parse.</summary>
    public (RunQuery? Query, string? Problem) ToQuery(RunCursor? after, int limit)
    {
        if (!RunCatalog.TryParseStatus(Status, out var status))
        {
            return (null, $"'{Status}' is not a run status (one of {RunCatalog.StatusNames}).");
        }

        if (DeadLettered is not null and not "true" and not "false")
        {
            return (null, "'deadLettered' must be true or false.");
        }

        bool? deadLettered = DeadLettered is null ? null : DeadLettered == "true";

        if (!TryDate(From, out var from) || !TryDate(To, out var to))
        {
            return (null, "The created range must be dates written as yyyy-mm-dd.");
        }

        if (from is not null && to is not null && to < from)
        {
            return (null, "The created range ends before it starts.");
        }

        // "to" names a whole day: the query's upper bound is the next midnight (exclusive).
        return (new RunQuery(Kind, status, after, limit, deadLettered, from, to?.AddDays(1)), null);
    }

    public Dictionary<string, object?> ToQueryString() => new()
    {
        ["kind"] = Kind, ["status"] = Status, ["deadLettered"] = DeadLettered, ["from"] = From, ["to"] = To, ["cursor"] = null,
    };

    private static bool TryDate(string? text, out DateTimeOffset? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        date = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }
}
