using System.Text.RegularExpressions;
using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Database;
using Npgsql;

namespace LabSandbox.Persistence.Tests;

/// <summary>The migrator and the catalog it installs: idempotence, every key once, no unbound parameters.</summary>
public sealed partial class MigratorTests
{
    [Fact]
    public async Task Applying_twice_changes_nothing_the_second_time()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Applying_twice_changes_nothing_the_second_time), migrate: false);
        var migrator = new SchemaMigrator(db.ConnectionString);

        var first = await migrator.MigrateAsync();
        Assert.All(first, s => Assert.True(s.Applied, s.Name));
        Assert.Equal(migrator.FindScripts().Select(Path.GetFileName), first.Select(s => s.Name));
        var before = await SnapshotAsync(db);

        var second = await migrator.MigrateAsync();
        Assert.All(second, s => Assert.False(s.Applied, s.Name));
        Assert.Equal(before, await SnapshotAsync(db));
    }

    [Fact]
    public async Task Scripts_themselves_are_idempotent_when_forced_to_rerun()
    {
        // Forget the history: every script runs again over an existing schema. The upserts must not
        // even rewrite unchanged catalog rows (their xmin stays put).
        await using var db = await TestDatabase.CreateAsync(nameof(Scripts_themselves_are_idempotent_when_forced_to_rerun));
        var before = await SnapshotAsync(db);
        await db.ExecuteAsync($"DELETE FROM {SchemaMigrator.HistoryTable}");

        var rerun = await new SchemaMigrator(db.ConnectionString).MigrateAsync();

        Assert.All(rerun, s => Assert.True(s.Applied, s.Name));
        var after = await SnapshotAsync(db);
        Assert.Equal(before.Where(l => !l.StartsWith("history", StringComparison.Ordinal)),
                     after.Where(l => !l.StartsWith("history", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_changed_script_is_applied_again_and_only_that_one()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(A_changed_script_is_applied_again_and_only_that_one));
        var folder = Directory.CreateTempSubdirectory("labsandbox-sql-");
        try
        {
            foreach (var script in new SchemaMigrator(db.ConnectionString).FindScripts())
            {
                File.Copy(script, Path.Combine(folder.FullName, Path.GetFileName(script)));
            }

            var changed = Path.Combine(folder.FullName, "030_reminders.sql");
            await File.AppendAllTextAsync(changed, "\n-- a harmless edit\n");

            var results = await new SchemaMigrator(db.ConnectionString, folder.FullName).MigrateAsync();

            Assert.Equal(["030_reminders.sql"], results.Where(r => r.Applied).Select(r => r.Name));
            var recorded = await db.ScalarAsync<string>(
                $"SELECT sha256 FROM {SchemaMigrator.HistoryTable} WHERE script_name = '030_reminders.sql'");
            Assert.Equal(results.Single(r => r.Applied).Sha256, recorded);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Concurrent_migrators_serialize_on_the_advisory_lock()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Concurrent_migrators_serialize_on_the_advisory_lock), migrate: false);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => new SchemaMigrator(db.ConnectionString).MigrateAsync()));

        // Exactly one run did the work; the others waited for its commit and found nothing to do.
        Assert.Equal(1, runs.Count(r => r.All(s => s.Applied)));
        Assert.Equal(3, runs.Count(r => r.All(s => !s.Applied)));
    }

    [Fact]
    public async Task Every_required_key_is_present_exactly_once_and_binds_only_its_parameters()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Every_required_key_is_present_exactly_once_and_binds_only_its_parameters));
        var rows = new List<(string Key, string Text)>();
        await using (var connection = db.OpenConnection())
        {
            // The very statement the providers run: unquoted, folded to orleansquery(querykey, querytext).
            await using var command = new NpgsqlCommand("SELECT QueryKey, QueryText FROM OrleansQuery", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (key, parameters) in ContractKeys.All)
        {
            var matches = rows.Where(r => r.Key == key).ToList();
            Assert.True(matches.Count == 1, $"{key}: expected exactly one catalog row, found {matches.Count}");

            var used = ParameterToken().Matches(matches[0].Text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var unbound = used.Except(parameters, StringComparer.Ordinal).ToList();
            Assert.True(unbound.Count == 0, $"{key} references parameters it does not bind: {string.Join(", ", unbound)}");
            Assert.True(used.Count > 0 || parameters.Length == 0, $"{key} uses no parameters at all");
        }

        // Nothing outside the contract: a stray or misspelled key would only ever be ignored silently.
        Assert.Empty(rows.Select(r => r.Key).Except(ContractKeys.All.Select(k => k.Key)));
    }

    /// <summary>Everything the schema consists of, as comparable lines (DDL shape, catalog rows with xmin, history).</summary>
    private static async Task<List<string>> SnapshotAsync(TestDatabase db)
    {
        const string Sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = 'public'::regnamespace
            UNION ALL
            SELECT 'query ' || querykey || ' xmin ' || xmin::text || ' ' || md5(querytext) FROM orleansquery
            UNION ALL
            SELECT 'history ' || script_name || ' ' || sha256 || ' ' || applied_at::text || ' xmin ' || xmin::text
              FROM labsandbox_schema_history
            """;
        var lines = new List<string>();
        await using var connection = db.OpenConnection();
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    [GeneratedRegex(@"@([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterToken();
}
