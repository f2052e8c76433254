using System.Xml.Linq;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace LabSandbox.Api.Tests.Security;

/// <summary>The Data Protection key ring's PostgreSQL repository on the test database (schema applied by <c>migrate</c>).</summary>
public sealed class PostgresXmlRepositoryTests : IAsyncLifetime
{
    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(TestPostgres.ConnectionString);

    private readonly string serviceId = $"dp-repo-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40];

    [Fact]
    public void Stored_elements_are_read_back_in_order_and_only_by_their_own_service()
    {
        var repository = new PostgresXmlRepository(dataSource, serviceId);
        var other = new PostgresXmlRepository(dataSource, serviceId + "-other");
        Assert.Empty(repository.GetAllElements());

        var first = Key("1", "secret <one> & \"two\"");
        var second = Key("2", "second");
        repository.StoreElement(first, "key-1");
        repository.StoreElement(second, "key-2");
        other.StoreElement(Key("3", "another service"), "key-1");

        var read = repository.GetAllElements();
        Assert.Equal([first.ToString(), second.ToString()], read.Select(e => e.ToString()));
        Assert.Equal(["3"], other.GetAllElements().Select(e => (string)e.Attribute("id")!));
        Assert.Equal(2, CountRows(serviceId));
    }

    [Fact]
    public void Storing_the_same_element_again_changes_nothing_and_other_content_under_a_stored_name_is_refused()
    {
        var repository = new PostgresXmlRepository(dataSource, serviceId);
        var key = Key("1", "original");
        repository.StoreElement(key, "key-1");
        repository.StoreElement(new XElement(key), "key-1");

        var refused = Assert.Throws<InvalidOperationException>(() => repository.StoreElement(Key("1", "rewritten"), "key-1"));
        Assert.Contains("never rewritten", refused.Message);
        Assert.Contains("key-1", refused.Message);

        Assert.Equal(1, CountRows(serviceId));
        Assert.Equal(key.ToString(), Assert.Single(repository.GetAllElements()).ToString());
    }

    [Fact]
    public void A_missing_or_oversized_friendly_name_gets_a_name_of_its_own()
    {
        var repository = new PostgresXmlRepository(dataSource, serviceId);
        repository.StoreElement(Key("1", "a"), "");
        repository.StoreElement(Key("2", "b"), new string('x', PostgresXmlRepository.MaxFriendlyNameLength + 1));

        Assert.Equal(2, repository.GetAllElements().Count);
    }

    [Fact]
    public async Task Without_the_table_every_call_says_to_run_migrate()
    {
        // A search path naming a schema that does not exist: the unqualified table is not found, as before `migrate`.
        var missing = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { SearchPath = $"labsandbox_missing_{Guid.NewGuid():N}" };
        await using var empty = NpgsqlDataSource.Create(missing.ConnectionString);
        var repository = new PostgresXmlRepository(empty, serviceId);

        var errors = new List<InvalidOperationException>
        {
            Assert.Throws<InvalidOperationException>(() => repository.GetAllElements()),
            Assert.Throws<InvalidOperationException>(() => repository.StoreElement(Key("1", "a"), "key-1")),
            await Assert.ThrowsAsync<InvalidOperationException>(() => repository.CheckTableAsync()),
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                new DataProtectionKeyRingCheck(repository, NullLogger<DataProtectionKeyRingCheck>.Instance).StartAsync(CancellationToken.None)),
        };

        foreach (var error in errors)
        {
            Assert.Contains(PostgresXmlRepository.Table, error.Message);
            Assert.Contains("migrate", error.Message);
            Assert.Contains("050_data_protection.sql", error.Message);
            Assert.IsType<PostgresException>(error.InnerException);
        }
    }

    [Fact]
    public async Task The_start_check_passes_on_a_migrated_database_and_only_logs_an_unreachable_one()
    {
        await new DataProtectionKeyRingCheck(new PostgresXmlRepository(dataSource, serviceId), NullLogger<DataProtectionKeyRingCheck>.Instance)
            .StartAsync(CancellationToken.None);

        var unreachable = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString) { Port = FreePorts.Next(), Timeout = 2 };
        await using var down = NpgsqlDataSource.Create(unreachable.ConnectionString);
        await new DataProtectionKeyRingCheck(new PostgresXmlRepository(down, serviceId), NullLogger<DataProtectionKeyRingCheck>.Instance)
            .StartAsync(CancellationToken.None);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await using (var command = dataSource.CreateCommand($"DELETE FROM {PostgresXmlRepository.Table} WHERE service_id LIKE @prefix"))
        {
            command.Parameters.AddWithValue("prefix", serviceId + "%");
            await command.ExecuteNonQueryAsync();
        }

        await dataSource.DisposeAsync();
    }

    private static XElement Key(string id, string secret) =>
        new("key", new XAttribute("id", id), new XAttribute("version", 1), new XElement("secret", secret));

    private long CountRows(string service)
    {
        using var command = dataSource.CreateCommand($"SELECT count(*) FROM {PostgresXmlRepository.Table} WHERE service_id = @service");
        command.Parameters.AddWithValue("service", service);
        return (long)command.ExecuteScalar()!;
    }
}
