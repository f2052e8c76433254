using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LabSandbox.Grains.Common;

namespace LabSandbox.Grains.Tests.Telemetry;

/// <summary>One measurement of the LabSandbox meter, with its tags.</summary>
public sealed record LabMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

/// <summary>Every measurement of the LabSandbox meter made while it listens, observable gauges included on <see cref="Observe"/>.</summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<LabMeasurement> _measurements = new();

    public MeasurementRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LabDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<LabMeasurement> All => [.. _measurements];

    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The sum of an instrument's values whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Sum(m => m.Value);

    public int Count(string instrument, params (string Key, string Value)[] tags) => Matching(instrument, tags).Count();

    public void Dispose() => _listener.Dispose();

    private IEnumerable<LabMeasurement> Matching(string instrument, (string Key, string Value)[] tags) =>
        All.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value));

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        _measurements.Enqueue(new LabMeasurement(instrument.Name, value, copy));
    }
}
