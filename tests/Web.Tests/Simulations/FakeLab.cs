using System.Reflection;
using System.Text;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Web.Tests.Simulations;

/// <summary>An interface answered by a function of the called method and its arguments: just enough of a grain to render a page.</summary>
public class Answering : DispatchProxy
{
    private Func<MethodInfo, object?[], object?> handler = (m, _) => throw new NotSupportedException(m.Name);

    public static T Create<T>(Func<MethodInfo, object?[], object?> handler)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Answering>();
        ((Answering)(object)proxy).handler = handler;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => handler(targetMethod!, args ?? []);
}

/// <summary>
/// A cluster holding fixed runs and artifacts (and an artifact store holding fixed bytes), so a page renders from known
/// contracts without a silo. A grain asked for something the test did not set up throws, as a missing silo would.
/// </summary>
public sealed class FakeLab : IArtifactStore
{
    public Dictionary<string, RunSnapshot?> Runs { get; } = [];

    public Dictionary<string, List<RunEvent>> Events { get; } = [];

    public Dictionary<string, ArtifactRecord> Artifacts { get; } = [];

    public Dictionary<string, string> Stored { get; } = [];

    /// <summary>When set, every grain call fails with it (the cluster being unreachable).</summary>
    public Exception? Failure { get; set; }

    public IClusterClient Cluster => Answering.Create<IClusterClient>((method, args) => method.Name == "GetGrain"
        ? Grain(method.ReturnType, (string)args[0]!)
        : throw new NotSupportedException(method.Name));

    private object Grain(Type type, string key)
    {
        if (type == typeof(IRunGrain))
        {
            return Answering.Create<IRunGrain>((m, a) => Failure is not null ? throw Failure : m.Name switch
            {
                nameof(IRunGrain.GetAsync) => Task.FromResult(Runs.GetValueOrDefault(key)),
                nameof(IRunGrain.GetEventsAsync) => Task.FromResult<RunEventPage?>(Page(key, (long)a[0]!)),
                _ => throw new NotSupportedException(m.Name),
            });
        }

        if (type == typeof(IArtifactGrain))
        {
            return Answering.Create<IArtifactGrain>((m, _) => m.Name == nameof(IArtifactGrain.GetAsync)
                ? Task.FromResult(Artifacts.GetValueOrDefault(key))
                : throw new NotSupportedException(m.Name));
        }

        throw new NotSupportedException(type.Name);
    }

    private RunEventPage? Page(string runId, long after) => Runs.GetValueOrDefault(runId) is { } run
        ? new RunEventPage(Events.GetValueOrDefault(runId, []).Where(e => e.Sequence > after).ToList(), run.Status,
            Events.GetValueOrDefault(runId, []).Select(e => e.Sequence).DefaultIfEmpty(0).Max())
        : null;

    public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Stream OpenRead(string storageUri) => Stored.TryGetValue(storageUri, out var text)
        ? new MemoryStream(Encoding.UTF8.GetBytes(text))
        : throw new FileNotFoundException(storageUri);

    public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
