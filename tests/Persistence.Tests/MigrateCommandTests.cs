using LabSandbox.Persistence.Tests.Infrastructure;
using LabSandbox.Silo.Commands;
using LabSandbox.Silo.Database;

namespace LabSandbox.Persistence.Tests;

/// <summary>
/// <c>migrate</c> through the command line against a real database: the lines scripts and operators read
/// (one per script, then the totals), and nothing applied the second time.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_every_script_then_finds_them_unchanged()
    {
        await using var db = await TestDatabase.CreateAsync(nameof(Migrate_applies_every_script_then_finds_them_unchanged), migrate: false);
        var scripts = new SchemaMigrator(db.ConnectionString).FindScripts().Select(Path.GetFileName).ToList();

        var first = await MigrateAsync(["migrate", "--connection", db.ConnectionString]);
        var second = await MigrateAsync(["migrate", $"--connection={db.ConnectionString}"]);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.StartsWith($"migrate: database '{db.Name}' on ", first.Lines[0], StringComparison.Ordinal);
        Assert.Equal(scripts.Select(s => $"  applied   {s}"), first.Lines[1..^1].Select(l => l[..l.IndexOf("  sha256", StringComparison.Ordinal)]));
        Assert.Equal($"migrate: done, {scripts.Count} applied, 0 unchanged.", first.Lines[^1]);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal($"migrate: done, 0 applied, {scripts.Count} unchanged.", second.Lines[^1]);
        Assert.Equal("", first.Error + second.Error);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_a_failure_not_a_usage_error()
    {
        var run = await MigrateAsync(["migrate", "--connection", "Host=127.0.0.1;Port=1;Database=nowhere;Timeout=2"]);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("migrate: failed:", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string[] Lines, string Error)> MigrateAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await SiloCommandLine.InvokeAsync(args, output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        return (exitCode, lines, error.ToString());
    }
}
