using Microsoft.Extensions.DependencyInjection;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// One migrated database and one silo shared by the tests of a class: the provider-level tests only
/// need the silo's services, and a silo start costs more than all of them together. Each tests uses
/// its own keys, so they cannot see each other's rows.
/// </summary>
public abstract class SingleSiloFixture : IAsyncLifetime
{
    private TestDatabase? database;
    private TestSilo? silo;

    public TestDatabase Database => database ?? throw new InvalidOperationException("fixture not initialized");

    public TestSilo Silo => silo ?? throw new InvalidOperationException("fixture not initialized");

    public string ClusterId { get; private set; } = "";

    public string ServiceId { get; private set; } = "";

    public T Service<T>() where T : notnull => Silo.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        var label = GetType().Name;
        database = await TestDatabase.CreateAsync(label);
        ClusterId = $"{label}-cluster-{Guid.NewGuid():N}";
        ServiceId = $"{label}-service-{Guid.NewGuid():N}";
        silo = await TestSilo.StartAsync(database.ConnectionString, ClusterId, ServiceId);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}

public sealed class StorageSiloFixture : SingleSiloFixture;

public sealed class ReminderSiloFixture : SingleSiloFixture;
