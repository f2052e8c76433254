namespace LabSandbox.TestSupport;

/// <summary>Polls for a condition that the cluster reaches asynchronously (gossip, table refresh).</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
