namespace LabSandbox.Silo.Backtest;

/// <summary>Progress as one line per step (<c>oracle: calcutta-2019 simulated [12/18]</c>), for logs and pipes.</summary>
public sealed class PlainBacktestProgress(TextWriter output) : IBacktestProgress
{
    private readonly Dictionary<string, (int Done, int Steps)> _tracks = new(StringComparer.Ordinal);

    public void Plan(string track, int steps) =>
        _tracks[track] = (_tracks.GetValueOrDefault(track).Done, steps);

    public void Advance(string track, string what)
    {
        var (done, steps) = _tracks.GetValueOrDefault(track);
        _tracks[track] = (++done, steps);
        output.WriteLine($"{track}: {what} [{done}/{steps}]");
    }
}
