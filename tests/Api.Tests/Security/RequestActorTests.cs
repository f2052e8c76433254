using System.Collections.Concurrent;
using System.Net;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// The authenticated principal's name reaches the grains as the request's actor (<see cref="LabActor"/>): a key's name
/// with authentication required, "local" in local mode. A grain call filter in the embedded silo records what the run
/// factory sees.
/// </summary>
public sealed class RequestActorTests
{
    [Fact]
    public async Task A_keys_name_is_the_actor_of_the_grain_calls_its_request_makes()
    {
        var recorder = new ActorRecorder();
        await using var factory = new LabApiFactory(
            new Dictionary<string, string?> { ["LabSandbox:Auth:Mode"] = SecurityApi.RequiredMode },
            services: s => s.AddSingleton<IIncomingGrainCallFilter>(recorder));
        var key = await SecurityApi.CreateKeyAsync(factory.Services.GetRequiredService<IClusterClient>(), "actor-check", "analyst");
        using var http = factory.ClientWith(key);

        using var response = await http.PostJsonAsync("/api/v1/runs", RunApi.AdvancementRequest("ncaa-2017", "pre_tournament", sigma: 13));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["actor-check"], recorder.RunFactoryActors);
    }

    [Fact]
    public async Task In_local_mode_a_request_without_a_key_acts_as_local()
    {
        var recorder = new ActorRecorder();
        await using var factory = new LabApiFactory(services: s => s.AddSingleton<IIncomingGrainCallFilter>(recorder));
        using var http = factory.ClientWith(null);

        using var response = await http.PostJsonAsync("/api/v1/runs", RunApi.AdvancementRequest("ncaa-2017", "pre_tournament", sigma: 14));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal([LabActor.Local], recorder.RunFactoryActors);
    }

    private sealed class ActorRecorder : IIncomingGrainCallFilter
    {
        private readonly ConcurrentQueue<string> _actors = new();

        public IReadOnlyList<string> RunFactoryActors => [.. _actors];

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.DeclaringType == typeof(IRunFactoryGrain))
            {
                _actors.Enqueue(LabActor.Current);
            }

            return context.Invoke();
        }
    }
}
