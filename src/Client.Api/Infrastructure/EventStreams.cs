using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// Append-only event logs (a run's, an experiment's) as live server-sent events: the log is polled after the last
/// sequence sent, each event goes out with its type as the SSE event name and its sequence as the SSE id, and the
/// stream ends once its owner has ended and everything was sent.
/// </summary>
public static class EventStreams
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>One poll's events, and whether nothing will follow them.</summary>
    public sealed record Page<T>(IReadOnlyList<T> Events, bool Ended);

    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    /// <param name="readAfter">The events after a sequence (at most <c>limit</c>); null when the log's owner is gone.</param>
    public static async IAsyncEnumerable<SseItem<T>> PollAsync<T>(
        long after,
        Func<long, int, Task<Page<T>?>> readAfter,
        Func<T, long> sequenceOf,
        Func<T, string> typeOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await readAfter(after, ApiLimits.EventsPageSize) is not { } page)
            {
                yield break;
            }

            foreach (var e in page.Events)
            {
                after = sequenceOf(e);
                yield return new SseItem<T>(e, typeOf(e)) { EventId = after.ToString(CultureInfo.InvariantCulture) };
            }

            if (page.Ended)
            {
                yield break;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }
    }
}
