using System.Reflection;
using System.Text;
using LabSandbox.Grains.Interfaces.Artifacts;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;

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

    public Dictionary<string, CalcuttaSnapshot> Calcuttas { get; } = [];

    /// <summary>What the run factory answers to a create (the requests it got are kept in <see cref="Created"/>).</summary>
    public RunCreation Creation { get; set; } = new(RunCreationOutcome.Created, "run-simulation-new-1", RunStatus.Queued, new Dictionary<string, string[]>());

    public List<string> Created { get; } = [];

    /// <summary>When set, every grain call fails with it (the cluster being unreachable).</summary>
    public Exception? Failure { get; set; }

    public IClusterClient Cluster => Answering.Create<IClusterClient>((method, args) => method.Name == "GetGrain"
        ? Grain(method.ReturnType, Convert.ToString(args[0], System.Globalization.CultureInfo.InvariantCulture)!)
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

        if (type == typeof(IDatasetCatalogGrain))
        {
            return Answering.Create<IDatasetCatalogGrain>((m, _) => Failure is not null ? throw Failure
                : Task.FromResult(new DatasetCatalog([], Calcuttas.Keys.ToList())));
        }

        if (type == typeof(ISandboxCatalogGrain))
        {
            return Answering.Create<ISandboxCatalogGrain>((m, _) => Task.FromResult(new SandboxCatalog([], [])));
        }

        if (type == typeof(ICalcuttaGrain))
        {
            return Answering.Create<ICalcuttaGrain>((m, _) => Task.FromResult(Calcuttas.GetValueOrDefault(key)));
        }

        if (type == typeof(IRunFactoryGrain))
        {
            return Answering.Create<IRunFactoryGrain>((m, a) =>
            {
                Created.Add((string)a[0]!);
                return m.Name == nameof(IRunFactoryGrain.CreateAsync) ? Task.FromResult(Creation) : throw new NotSupportedException(m.Name);
            });
        }

        throw new NotSupportedException(type.Name);
    }

    private RunEventPage? Page(string runId, long after) => Runs.GetValueOrDefault(runId) is { } run
        ? new RunEventPage(Events.GetValueOrDefault(runId, []).Where(e => e.Sequence > after).ToList(), run.Status,
            Events.GetValueOrDefault(runId, []).Select(e => e.Sequence).DefaultIfEmpty(0).Max())
        : null;

    public Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default) => Stored.TryGetValue(storageUri, out var text)
        ? Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(text)))
        : throw new FileNotFoundException(storageUri);

    public Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
