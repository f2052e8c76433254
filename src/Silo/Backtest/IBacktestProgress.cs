namespace LabSandbox.Silo.Backtest;

/// <summary>
/// Where the backtest reports how far it got, by track: one per market model, and one for the baselines of
/// the real pools. A live terminal display and plain log lines both implement it, so the runner does not
/// know which one is watching.
/// </summary>
public interface IBacktestProgress
{
    /// <summary>Announces a track and its number of steps; again with a new count when the count changes.</summary>
    void Plan(string track, int steps);

    /// <summary>One step of the track is done; <paramref name="what"/> says which (a pool, usually).</summary>
    void Advance(string track, string what);
}
