using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>
/// The embedded API with authentication required, and one key of each role plus a revoked one. Settings are the
/// test's own (e.g. a tiny rate limit).
/// </summary>
public class SecuredApiFixture : IAsyncLifetime
{
    public SecuredApiFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    protected SecuredApiFixture(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        settings["LabSandbox:Auth:Mode"] = SecurityApi.RequiredMode;
        Factory = new LabApiFactory(settings, services: services);
    }

    public LabApiFactory Factory { get; }

    public IGrainFactory Grains => Factory.Services.GetRequiredService<IClusterClient>();

    /// <summary>Key text by role (<c>reader</c>, <c>analyst</c>, <c>admin</c>), and <c>revoked</c> (a revoked admin key).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; private set; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var keys = new Dictionary<string, string>();
        foreach (var role in new[] { "reader", "analyst", "admin" })
        {
            keys[role] = await SecurityApi.CreateKeyAsync(Grains, $"test-{role}", role);
        }

        keys["revoked"] = await SecurityApi.CreateKeyAsync(Grains, "test-revoked", "admin");
        await SecurityApi.RevokeAsync(Grains, "test-revoked");
        Keys = keys;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
