using System.Reflection;

namespace LabSandbox.Web.Tests.Experiments;

/// <summary>
/// An <see cref="IClusterClient"/> for page tests: <c>GetGrain&lt;T&gt;(key)</c> answers with the fake registered for
/// <c>T</c>; every other member throws. Built with <see cref="DispatchProxy"/> so the test implements only the grains
/// a page reads.
/// </summary>
public class FakeCluster : DispatchProxy
{
    private readonly Dictionary<Type, Func<object, object>> grains = [];

    public static (IClusterClient Client, FakeCluster Fake) Create()
    {
        var client = Create<IClusterClient, FakeCluster>();
        return (client, (FakeCluster)(object)client);
    }

    public FakeCluster With<TGrain>(Func<object, TGrain> grain)
        where TGrain : class
    {
        grains[typeof(TGrain)] = key => grain(key);
        return this;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: "GetGrain", IsGenericMethod: true } && args is { Length: >= 1 }
            && grains.TryGetValue(targetMethod.GetGenericArguments()[0], out var grain))
        {
            return grain(args[0]!);
        }

        throw new NotSupportedException($"The fake cluster does not answer {targetMethod?.Name}<{string.Join(",", targetMethod?.GetGenericArguments().Select(t => t.Name) ?? [])}>.");
    }
}
