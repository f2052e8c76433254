using System.Text.Json.Nodes;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Interfaces.Sandbox;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Tests.Infrastructure;
using LabSandbox.Grains.Tests.Sandbox;
using LabSandbox.TestSupport;

namespace LabSandbox.Grains.Tests.Audit;

/// <summary>
/// State stored before actors were kept still loads: a stored run and synthetic calcutta with every actor field taken
/// out of their stored JSON (as older versions wrote them) read back whole, with <c>createdBy</c> null and the same digest.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StateBeforeActorsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_run_stored_without_actors_reads_back_with_none()
    {
        var runs = new RunDriver(fixture.Grains);
        const string Source = "run-test-legacy-source-1", Legacy = "run-test-legacy-copy-1";
        using (LabActor.Use("alice"))
        {
            await runs.CreateAsync(Source, await runs.TestSpecAsync(QuickRunHandler.KindName, new JsonObject { ["case"] = "legacy" }));
        }

        var source = await runs.WaitTerminalAsync(Source);
        await Eventually.WaitAsync(() => Task.FromResult(Stored("run", Source)["Events"]!.AsArray().Count), n => n == source.EventCount, "the stored run to be final");
        var payload = Stored("run", Source);
        Assert.Equal("alice", payload["CreatedBy"]!.GetValue<string>()); // the stored form names it, so removing it below is a real change
        payload.Remove("CreatedBy");
        foreach (var e in payload["Events"]!.AsArray())
        {
            e!.AsObject().Remove("Actor");
        }

        Seed("run", Legacy, payload);
        var legacy = await fixture.Grains.GetGrain<IRunGrain>(Legacy).GetAsync();

        Assert.NotNull(legacy);
        Assert.Null(legacy.CreatedBy);
        Assert.Equal((source.Status, source.Spec.ParamsHash, source.EventCount), (legacy.Status, legacy.Spec.ParamsHash, legacy.EventCount));
        Assert.All((await runs.EventsAsync(Legacy)), e => Assert.Null(e.Actor));
    }

    [Fact]
    public async Task A_synthetic_calcutta_stored_without_actors_reads_back_with_none_and_its_digest()
    {
        const string Source = "sc-test-legacy-source";
        SyntheticCalcuttaSnapshot source;
        using (LabActor.Use("alice"))
        {
            source = SandboxRecords.AssertOk(await fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(Source).CreateAsync(SandboxRecords.FromCalcutta()));
        }

        var payload = Stored("syntheticCalcutta", Source);
        payload["Current"]!.AsObject().Remove("CreatedBy");
        foreach (var version in payload["Versions"]!.AsArray())
        {
            version!.AsObject().Remove("CreatedBy");
        }

        Seed("syntheticCalcutta", "sc-test-legacy-copy", payload);
        var legacy = fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>("sc-test-legacy-copy");

        var current = await legacy.GetAsync();
        Assert.NotNull(current);
        Assert.Null(current.CreatedBy);
        Assert.Equal(source.Digest, current.Digest);
        Assert.Equal([(1, source.Digest, (string?)null)], (await legacy.GetVersionsAsync()).Select(v => (v.Version, v.Digest, v.CreatedBy)));
    }

    private JsonObject Stored(string stateName, string key)
    {
        var stored = fixture.Storage.Read(stateName, GrainIdOf(stateName, key)) ?? throw new InvalidOperationException($"{stateName} {key} is not stored");
        return JsonNode.Parse(stored.Payload.ToString())!.AsObject();
    }

    private void Seed(string stateName, string key, JsonObject payload) =>
        Assert.NotNull(fixture.Storage.TryWrite(stateName, GrainIdOf(stateName, key), null, BinaryData.FromString(payload.ToJsonString()), out _));

    private string GrainIdOf(string stateName, string key) => stateName switch
    {
        "run" => fixture.Grains.GetGrain<IRunGrain>(key).GetGrainId().ToString(),
        _ => fixture.Grains.GetGrain<ISyntheticCalcuttaGrain>(key).GetGrainId().ToString(),
    };
}
