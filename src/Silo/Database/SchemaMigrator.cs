using System.Security.Cryptography;
using Npgsql;

namespace LabSandbox.Silo.Database;

/// <summary>What the migrator did with one script.</summary>
/// <param name="Name">The script's file name, e.g. <c>010_clustering.sql</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the script's bytes.</param>
/// <param name="Applied">True if it ran now (new or changed); false if the recorded hash matched.</param>
public sealed record SchemaScriptResult(string Name, string Sha256, bool Applied);

/// <summary>
/// Applies the LabSandbox PostgreSQL schema: the <c>sql/*.sql</c> files shipped next to the binaries,
/// in ordinal name order, all in one transaction.
/// </summary>
/// <remarks>
/// Every script is itself idempotent (IF NOT EXISTS, ON CONFLICT DO UPDATE), so the history table is
/// not what makes re-runs safe; it records what was applied (name + SHA-256) and lets an unchanged
/// script be skipped, so a second run changes nothing. A changed script is simply run again.
/// A transaction-scoped advisory lock serializes concurrent migrators (e.g. several silo pods
/// starting at once): concurrent CREATE TABLE IF NOT EXISTS can otherwise fail on catalog races.
/// </remarks>
public sealed class SchemaMigrator
{
    /// <summary>The advisory-lock key every LabSandbox migrator takes ("LabSbxMg" as ASCII).</summary>
    public const long AdvisoryLockKey = 0x4C61_6253_6278_4D67;

    /// <summary>The table that records applied scripts.</summary>
    public const string HistoryTable = "labsandbox_schema_history";

    private readonly string connectionString;
    private readonly string scriptsFolder;

    public SchemaMigrator(string connectionString, string? scriptsFolder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.connectionString = connectionString;
        this.scriptsFolder = scriptsFolder ?? DefaultScriptsFolder;
    }

    /// <summary>The <c>sql</c> folder that Silo.csproj copies next to the binaries.</summary>
    public static string DefaultScriptsFolder => Path.Combine(AppContext.BaseDirectory, "sql");

    public string ScriptsFolder => scriptsFolder;

    /// <summary>The scripts in the order they are applied.</summary>
    public IReadOnlyList<string> FindScripts()
    {
        if (!Directory.Exists(scriptsFolder))
        {
            throw new InvalidOperationException($"Schema folder '{scriptsFolder}' does not exist.");
        }

        var scripts = Directory.GetFiles(scriptsFolder, "*.sql")
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"Schema folder '{scriptsFolder}' contains no *.sql scripts.");
        }

        return scripts;
    }

    /// <summary>Applies every new or changed script; all or nothing.</summary>
    public async Task<IReadOnlyList<SchemaScriptResult>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = FindScripts();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Taken first, before the history table exists, so even the very first run is serialized.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, $"""
            CREATE TABLE IF NOT EXISTS {HistoryTable}
            (
                script_name text        NOT NULL PRIMARY KEY,
                sha256      text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var recorded = await ReadHistoryAsync(connection, transaction, cancellationToken);
        var results = new List<SchemaScriptResult>(scripts.Count);
        foreach (var path in scripts)
        {
            var name = Path.GetFileName(path);
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (recorded.TryGetValue(name, out var known) && known == sha256)
            {
                results.Add(new SchemaScriptResult(name, sha256, Applied: false));
                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, System.Text.Encoding.UTF8.GetString(bytes), cancellationToken);
            }
            catch (PostgresException e)
            {
                // Name the script: PostgreSQL's own message does not say which file failed.
                throw new InvalidOperationException($"Schema script {name} failed: {e.MessageText}", e);
            }

            await RecordAsync(connection, transaction, name, sha256, cancellationToken);
            results.Add(new SchemaScriptResult(name, sha256, Applied: true));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<Dictionary<string, string>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand($"SELECT script_name, sha256 FROM {HistoryTable}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded[reader.GetString(0)] = reader.GetString(1);
        }

        return recorded;
    }

    private static async Task RecordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, string sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {HistoryTable} (script_name, sha256) VALUES (@name, @sha256)
            ON CONFLICT (script_name) DO UPDATE SET sha256 = EXCLUDED.sha256, applied_at = now()
            """, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("sha256", sha256);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // No parameters: the scripts hold the providers' query texts, whose @Name tokens sit inside
        // dollar-quoted literals and must reach the database untouched.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
