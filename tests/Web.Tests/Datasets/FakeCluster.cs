using System.Reflection;

namespace LabSandbox.Web.Tests.Datasets;

/// <summary>
/// A stand-in for the cluster that answers only the grain calls a test sets up (by grain interface and method
/// name), so a page can be rendered loading, failed, not found or loaded without a silo. Built on
/// <see cref="DispatchProxy"/>: the cluster client and every grain reference are proxies.
/// </summary>
public sealed class FakeCluster
{
    private readonly Dictionary<(Type Grain, string Method), Func<string, object?[], object?>> answers = [];

    public FakeCluster() => Client = ClientProxy.Create(this);

    public IClusterClient Client { get; }

    /// <summary>Answers <paramref name="method"/> of <typeparamref name="TGrain"/> (any key) with what <paramref name="answer"/> returns for the key.</summary>
    public FakeCluster On<TGrain>(string method, Func<string, object?> answer) where TGrain : IGrain
    {
        answers[(typeof(TGrain), method)] = (key, _) => answer(key);
        return this;
    }

    /// <summary>Answers with the call's arguments too.</summary>
    public FakeCluster On<TGrain>(string method, Func<string, object?[], object?> answer) where TGrain : IGrain
    {
        answers[(typeof(TGrain), method)] = answer;
        return this;
    }

    private object? Answer(Type grain, string key, MethodInfo method, object?[] args) =>
        answers.TryGetValue((grain, method.Name), out var answer)
            ? answer(key, args)
            : throw new InvalidOperationException($"{grain.Name}.{method.Name} was not set up in this test");

    public class ClientProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;

        internal static IClusterClient Create(FakeCluster cluster)
        {
            var proxy = DispatchProxy.Create<IClusterClient, ClientProxy>();
            ((ClientProxy)(object)proxy).cluster = cluster;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod is not { Name: "GetGrain", IsGenericMethod: true })
            {
                throw new NotSupportedException($"the fake cluster has no {targetMethod?.Name}");
            }

            var grain = targetMethod.GetGenericArguments()[0];
            var key = Convert.ToString(args![0], System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var reference = DispatchProxy.Create(grain, typeof(GrainProxy));
            ((GrainProxy)reference).Bind(cluster, grain, key);
            return reference;
        }
    }

    public class GrainProxy : DispatchProxy
    {
        private FakeCluster cluster = default!;
        private Type grain = default!;
        private string key = "";

        internal void Bind(FakeCluster owner, Type grainType, string grainKey) => (cluster, grain, key) = (owner, grainType, grainKey);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            cluster.Answer(grain, key, targetMethod!, args ?? []);
    }
}
