using System.Reflection;

namespace LabSandbox.Web.Tests.Sandbox;

/// <summary>How every grain call of a <see cref="FakeCluster"/> answers.</summary>
public enum FakeClusterMode
{
    /// <summary>Never answers: the page stays loading.</summary>
    Hang,

    /// <summary>Answers null / empty: nothing exists.</summary>
    Empty,

    /// <summary>Throws a timeout, as a cluster that does not answer in time.</summary>
    Timeout,
}

/// <summary>
/// An <see cref="IClusterClient"/> for page tests: every grain's every call answers the same way, so a page's loading,
/// not-found and error states render without a silo.
/// </summary>
public class FakeCluster : DispatchProxy
{
    public FakeClusterMode Mode { get; set; }

    public static IClusterClient Create(FakeClusterMode mode)
    {
        var client = DispatchProxy.Create<IClusterClient, FakeCluster>();
        ((FakeCluster)(object)client).Mode = mode;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: "GetGrain", IsGenericMethod: true })
        {
            var grain = (FakeGrain)DispatchProxy.Create(targetMethod.GetGenericArguments()[0], typeof(FakeGrain));
            grain.Mode = Mode;
            return grain;
        }

        throw new NotSupportedException(targetMethod?.Name);
    }
}

public class FakeGrain : DispatchProxy
{
    public FakeClusterMode Mode { get; set; }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var returnType = targetMethod!.ReturnType;
        var result = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : null;
        var source = Activator.CreateInstance(typeof(TaskCompletionSource<>).MakeGenericType(result ?? typeof(object)))!;
        var sourceType = source.GetType();
        switch (Mode)
        {
            case FakeClusterMode.Timeout:
                sourceType.GetMethod("SetException", [typeof(Exception)])!.Invoke(source, [new TimeoutException("no answer")]);
                break;
            case FakeClusterMode.Empty:
                sourceType.GetMethod("SetResult")!.Invoke(source, [EmptyOf(result)]);
                break;
        }

        return sourceType.GetProperty("Task")!.GetValue(source);
    }

    /// <summary>Null for a single thing; an empty list, or a record of empty lists (the catalogs), for a collection.</summary>
    private static object? EmptyOf(Type? type)
    {
        if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]));
        }

        if (type is null || !type.IsClass || type == typeof(string))
        {
            return null;
        }

        var catalog = type.GetConstructors().FirstOrDefault(c => c.GetParameters().All(p => p.ParameterType.IsGenericType
            && p.ParameterType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)));
        return catalog?.Invoke(catalog.GetParameters().Select(p => EmptyOf(p.ParameterType)).ToArray());
    }
}
