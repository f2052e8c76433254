using System.Text.RegularExpressions;
using LabSandbox.Silo.Database;
using LabSandbox.TestSupport;
using Npgsql;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test (or one fixture) on the server named by
/// <c>LABSANDBOX_TEST_POSTGRES</c>, migrated with the project's own <see cref="SchemaMigrator"/>
/// and dropped on dispose.
/// </summary>
public sealed partial class TestDatabase : IAsyncDisposable
{
    private static int counter;

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server these tests run against (see <see cref="TestPostgres"/>).</summary>
    public static string ServerConnectionString => TestPostgres.ConnectionString;

    /// <summary>Creates <c>lab_&lt;n&gt;_&lt;label&gt;</c> and, unless told otherwise, applies the schema.</summary>
    public static async Task<TestDatabase> CreateAsync(string label, bool migrate = true)
    {
        var server = ServerConnectionString;
        // Deterministic per test run (counter + label) and readable in pg_database when debugging.
        // The process id keeps two concurrent runs against one server apart.
        var name = $"lab_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}_{Sanitize(label)}";
        if (name.Length > 63)
        {
            name = name[..63];
        }

        await AdminAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await AdminAsync(server, $"CREATE DATABASE \"{name}\"");

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var database = new TestDatabase(name, connectionString);
        if (migrate)
        {
            await new SchemaMigrator(connectionString).MigrateAsync();
        }

        return database;
    }

    public NpgsqlConnection OpenConnection()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (parameterName, value) in parameters)
        {
            command.Parameters.AddWithValue(parameterName, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        // FORCE ends the silos' pooled connections that may still be open.
        await AdminAsync(ServerConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task AdminAsync(string server, string sql)
    {
        // Unpooled: a pooled connection to the server's own database must not linger between tests.
        var builder = new NpgsqlConnectionStringBuilder(server) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Sanitize(string label) => NotIdentifier().Replace(label.ToLowerInvariant(), "_");

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifier();
}
