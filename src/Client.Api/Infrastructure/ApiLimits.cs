using Microsoft.AspNetCore.Http.HttpResults;

namespace LabSandbox.Api.Infrastructure;

/// <summary>The page sizes of every list and event-log endpoint, in one place so the features agree on them.</summary>
public static class ApiLimits
{
    /// <summary>A list page's size when the request gives no <c>limit</c>.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest <c>limit</c> a list accepts.</summary>
    public const int MaxPageSize = 500;

    /// <summary>An event-log page's default and largest size; also what each poll of a live event stream reads.</summary>
    public const int EventsPageSize = 1000;

    /// <summary>The 400 for a <c>limit</c> outside 1 to <paramref name="max"/>; null when it is within.</summary>
    public static ValidationProblem? OutOfRange(int limit, int max) =>
        limit < 1 || limit > max ? ApiProblems.Invalid("limit", $"'limit' must be between 1 and {max}.") : null;
}
