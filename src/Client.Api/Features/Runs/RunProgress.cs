using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Features.Runs;

/// <summary>Where a running run is: its latest progress, and its simulations per second when it simulates.</summary>
public sealed record RunProgress(string? Phase, double Percent, string? Message, long? SimulationsDone, long? SimulationsTotal, double? SimulationsPerSecond);

/// <summary>
/// Derives progress from the run's event log only, so the page needs nothing the API does not have.
/// Simulations done come from a progress event's message ("12,000 of 1,000,000 simulations …") or else from its
/// percent of the params' <c>nSims</c>. The rate is the change in simulations done over the change in time between
/// the newest progress event of the current attempt and the oldest one of the same attempt and phase at most
/// <see cref="Window"/> earlier: a moving average that follows the run's current speed, not its start-up.
/// </summary>
public static partial class RunProgressModel
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static RunProgress? Compute(IReadOnlyList<RunEvent> events, long? nSims)
    {
        var latestAttempt = events.Count == 0 ? 0 : events.Max(e => e.Attempt);
        var progress = events.Where(e => e.Name == RunEventNames.Progress && e.Attempt == latestAttempt).OrderBy(e => e.Sequence).ToList();
        if (progress.Count == 0)
        {
            return null;
        }

        var last = progress[^1];
        var (lastDone, total) = Simulations(last, nSims);
        double? rate = null;
        if (lastDone is not null)
        {
            var first = progress.First(e => e.Phase == last.Phase && e.At >= last.At - Window);
            if (first.Sequence != last.Sequence && last.At > first.At && Simulations(first, nSims).Done is { } firstDone)
            {
                rate = (lastDone.Value - firstDone) / (last.At - first.At).TotalSeconds;
            }
        }

        return new RunProgress(last.Phase, Math.Clamp(last.Percent ?? 0, 0, 100), last.Message, lastDone, total, rate);
    }

    /// <summary>The run's <c>nSims</c> param, when it has one.</summary>
    public static long? SimulationsOf(string paramsJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(paramsJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("nSims", out var n) && n.TryGetInt64(out var value)
                ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (long? Done, long? Total) Simulations(RunEvent e, long? nSims)
    {
        if (e.Message is { } message && SimulationsMessage().Match(message) is { Success: true } match)
        {
            return (Parse(match.Groups[1].Value), Parse(match.Groups[2].Value));
        }

        return nSims is { } total && e.Percent is { } percent ? ((long)Math.Round(total * percent / 100), total) : (null, nSims);
    }

    private static long Parse(string digits) => long.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([\d,]+) of ([\d,]+) simulations")]
    private static partial Regex SimulationsMessage();
}
