using Orleans.Runtime;

namespace LabSandbox.Grains.Interfaces.Security;

/// <summary>
/// Who is making the current change: the API key's name (or <see cref="Local"/> in local mode), carried to grains in
/// Orleans' <see cref="RequestContext"/> so every write can record its actor without each contract taking a parameter.
/// Grains read it when a change is accepted (a run's <c>createdBy</c>, a cancel event's actor); work that no request
/// started (reminders, watchdogs) sees <see cref="System"/>.
/// </summary>
public static class LabActor
{
    /// <summary>The <see cref="RequestContext"/> key.</summary>
    public const string ContextKey = "labsandbox.actor";

    /// <summary>The actor of local mode (loopback only, no authentication).</summary>
    public const string Local = "local";

    /// <summary>The actor of work no request started.</summary>
    public const string System = "system";

    /// <summary>The actor of the current call, or <see cref="System"/>.</summary>
    public static string Current => RequestContext.Get(ContextKey) as string is { Length: > 0 } name ? name : System;

    /// <summary>Sets the actor for the calls made until the returned scope is disposed, then restores the previous one.</summary>
    public static IDisposable Use(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var previous = RequestContext.Get(ContextKey);
        RequestContext.Set(ContextKey, actor);
        return new Scope(previous);
    }

    private sealed class Scope(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(ContextKey);
            }
            else
            {
                RequestContext.Set(ContextKey, previous);
            }
        }
    }
}
