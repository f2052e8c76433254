namespace LabSandbox.Api.Components.Shared;

/// <summary>
/// Polls while a page shows something that changes (a running run, a live experiment): calls <c>refresh</c> every
/// interval until it returns false or the page goes away. Start it after the first interactive render, never while
/// prerendering, so a page served as static HTML holds no timer.
/// </summary>
public sealed class LiveRefresh : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    private LiveRefresh(TimeSpan interval, Func<Task<bool>> refresh) => loop = RunAsync(interval, refresh);

    public static LiveRefresh Start(TimeSpan interval, Func<Task<bool>> refresh) => new(interval, refresh);

    public bool Running => !loop.IsCompleted;

    private async Task RunAsync(TimeSpan interval, Func<Task<bool>> refresh)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (!await refresh())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // A refresh that failed after the page left has no one to tell.
        }

        stop.Dispose();
    }
}
