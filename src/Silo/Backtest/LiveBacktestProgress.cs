using Spectre.Console;

namespace LabSandbox.Silo.Backtest;

/// <summary>Progress as a live Spectre.Console display: a bar per track, its current step beside it.</summary>
public sealed class LiveBacktestProgress : IBacktestProgress
{
    private readonly ProgressContext _context;
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    private LiveBacktestProgress(ProgressContext context) => _context = context;

    /// <summary>Whether a live display can work here: stdout is a terminal that redraws in place.</summary>
    public static bool IsSupported => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> under the display; the display ends when the work does.</summary>
    public static Task<T> RunAsync<T>(Func<IBacktestProgress, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context => work(new LiveBacktestProgress(context)));

    public void Plan(string track, int steps)
    {
        if (_tasks.TryGetValue(track, out var task))
        {
            task.MaxValue = steps;
            return;
        }

        _tasks[track] = _context.AddTask(Markup.Escape($"{track}: waiting"), autoStart: true, maxValue: steps);
    }

    public void Advance(string track, string what)
    {
        var task = _tasks[track];
        task.Description = Markup.Escape($"{track}: {what}");
        task.Increment(1);
    }
}
