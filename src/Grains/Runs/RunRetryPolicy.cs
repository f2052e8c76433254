using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LabSandbox.Grains.Runs;

/// <summary>
/// Exponential backoff with jitter. The jitter comes from the run id and attempt, not a random source, so the
/// same run retries on the same schedule every time (reproducible) while different runs still spread out.
/// </summary>
public static class RunRetryPolicy
{
    /// <summary>The delay after the <paramref name="failedAttempt"/>-th attempt (counted since the last requeue) failed.</summary>
    public static TimeSpan DelayAfter(string runId, int failedAttempt, RunRecoveryOptions options)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, failedAttempt - 1));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{runId}#{failedAttempt}"));
        var unit = (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) / (double)(1UL << 53);
        return TimeSpan.FromMilliseconds(Math.Round(capped * (0.75 + (0.5 * unit))));
    }
}
