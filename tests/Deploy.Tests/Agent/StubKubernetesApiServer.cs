using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LabSandbox.Deploy.Tests.Agent;

/// <summary>
/// Just enough of the Kubernetes core/v1 pod API, on 127.0.0.1, for Orleans' Kubernetes cluster agent (10.4.2): it reads
/// and merge-patches its own pod (GET/PATCH <c>/api/v1/namespaces/{ns}/pods/{name}</c>), lists the pods matching the
/// <c>orleans/serviceId</c>,<c>orleans/clusterId</c> label selector, and watches them (the same list URL with
/// <c>watch=true</c>, answered as a stream of one JSON event per line). Pods exist only because a test added them;
/// a test deletes one to send the <c>DELETED</c> event a real API server sends when a pod is gone.
/// </summary>
public sealed class StubKubernetesApiServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> pods = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Channel<string>, string> watchers = new();
    private readonly ConcurrentQueue<string> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly WebApplication app;
    private long resourceVersion = 1;

    private StubKubernetesApiServer(WebApplication app, string @namespace)
    {
        this.app = app;
        Namespace = @namespace;
    }

    public string Namespace { get; }

    public Uri Address => new(app.Urls.First());

    /// <summary>"METHOD path?query" of every request, for assertions and for a failing test's message.</summary>
    public IReadOnlyCollection<string> Requests => requests.ToArray();

    /// <summary>Watch streams open now.</summary>
    public int OpenWatches => watchers.Count;

    public static async Task<StubKubernetesApiServer> StartAsync(string @namespace)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new StubKubernetesApiServer(app, @namespace);
        app.MapGet("/api/v1/namespaces/{ns}/pods/{name}", (string ns, string name, HttpContext http) => stub.ReadPod(ns, name, http));
        app.MapPatch("/api/v1/namespaces/{ns}/pods/{name}", stub.PatchPodAsync);
        app.MapGet("/api/v1/namespaces/{ns}/pods", stub.ListOrWatchAsync);
        await app.StartAsync();
        return stub;
    }

    /// <summary>A running pod, as the Deployment's ReplicaSet would create it (labels from the pod template only).</summary>
    public void AddPod(string name, string podIp)
    {
        pods[name] = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = Namespace,
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = NextVersion(),
                ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "labsandbox", ["app.kubernetes.io/component"] = "silo" },
            },
            ["status"] = new JsonObject { ["phase"] = "Running", ["podIP"] = podIp },
        };
    }

    public IReadOnlyDictionary<string, string> LabelsOf(string name) =>
        pods[name]["metadata"]!["labels"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    /// <summary>Removes the pod and sends <c>DELETED</c> to every open watch whose selector it matched; returns when sent.</summary>
    public async Task DeletePodAsync(string name)
    {
        if (!pods.TryRemove(name, out var pod))
        {
            throw new InvalidOperationException($"no pod {name}");
        }

        pod["metadata"]!["resourceVersion"] = NextVersion();
        await BroadcastAsync("DELETED", pod);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var watcher in watchers.Keys)
        {
            watcher.Writer.TryComplete();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private IResult ReadPod(string ns, string name, HttpContext http)
    {
        Record(http);
        return ns == Namespace && pods.TryGetValue(name, out var pod) ? Results.Json(pod) : NotFound(name);
    }

    private async Task<IResult> PatchPodAsync(string ns, string name, HttpContext http)
    {
        Record(http);
        if (ns != Namespace || !pods.TryGetValue(name, out var pod))
        {
            return NotFound(name);
        }

        // The agent sends a JSON merge patch of metadata.labels; anything else would be a surprise worth failing on.
        if (http.Request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) != true)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        var patch = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        var labels = pod["metadata"]!["labels"]!.AsObject();
        foreach (var (key, value) in patch["metadata"]?["labels"]?.AsObject() ?? [])
        {
            labels[key] = value?.DeepClone();
        }

        pod["metadata"]!["resourceVersion"] = NextVersion();
        await BroadcastAsync("MODIFIED", pod);
        return Results.Json(pod);
    }

    private async Task ListOrWatchAsync(string ns, HttpContext http)
    {
        Record(http);
        var selector = ParseSelector(http.Request.Query["labelSelector"].ToString());
        var matching = pods.Values.Where(p => ns == Namespace && Matches(p, selector)).Select(p => p.DeepClone()).ToList();
        if (http.Request.Query["watch"].ToString() is not ("true" or "1"))
        {
            var list = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "PodList",
                ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString() },
                ["items"] = new JsonArray([.. matching]),
            };
            await Results.Json(list).ExecuteAsync(http);
            return;
        }

        // A watch without a resourceVersion starts with an ADDED event per existing object, then streams changes.
        var channel = Channel.CreateUnbounded<string>();
        foreach (var pod in matching)
        {
            channel.Writer.TryWrite(Event("ADDED", pod));
        }

        watchers[channel] = http.Request.Query["labelSelector"].ToString();
        try
        {
            http.Response.ContentType = "application/json";
            await http.Response.StartAsync();
            using var done = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping.Token);
            await foreach (var line in channel.Reader.ReadAllAsync(done.Token))
            {
                await http.Response.WriteAsync(line + "\n", done.Token);
                await http.Response.Body.FlushAsync(done.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The silo closed the watch, or the stub is stopping.
        }
        finally
        {
            watchers.TryRemove(channel, out _);
        }
    }

    private Task BroadcastAsync(string type, JsonObject pod)
    {
        foreach (var (watcher, selector) in watchers)
        {
            if (Matches(pod, ParseSelector(selector)))
            {
                watcher.Writer.TryWrite(Event(type, pod));
            }
        }

        return Task.CompletedTask;
    }

    private static string Event(string type, JsonNode pod) =>
        new JsonObject { ["type"] = type, ["object"] = pod.DeepClone() }.ToJsonString();

    /// <summary>Equality-based selectors only (<c>a=b,c=d</c>), which is what the agent sends.</summary>
    private static Dictionary<string, string> ParseSelector(string selector) =>
        selector.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(term => term.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    private static bool Matches(JsonObject pod, Dictionary<string, string> selector)
    {
        var labels = pod["metadata"]!["labels"]!.AsObject();
        return selector.All(s => labels[s.Key]?.GetValue<string>() == s.Value);
    }

    private static IResult NotFound(string name) => Results.Json(
        new { kind = "Status", apiVersion = "v1", status = "Failure", reason = "NotFound", code = 404, message = $"pods \"{name}\" not found" },
        statusCode: StatusCodes.Status404NotFound);

    private string NextVersion() => Interlocked.Increment(ref resourceVersion).ToString();

    private void Record(HttpContext http) => requests.Enqueue($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
}
