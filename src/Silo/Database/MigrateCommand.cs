using System.CommandLine;
using LabSandbox.Silo.Commands;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace LabSandbox.Silo.Database;

/// <summary>
/// <c>LabSandbox.Silo migrate [--connection &lt;connection string&gt;]</c>: applies the schema and exits.
/// Without <c>--connection</c> it uses <c>ConnectionStrings:LabSandbox</c> from the environment
/// (<c>ConnectionStrings__LabSandbox</c>), the same setting the silo itself runs on, so a deployment
/// can run the migration as an init step with the silo's own configuration.
/// </summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "PostgreSQL connection string. Default: the environment variable ConnectionStrings__LabSandbox.",
            HelpName = "connection string",
        };
        var command = new Command("migrate", """
            Applies the PostgreSQL schema (the sql/*.sql scripts next to the binaries) in one transaction and exits.
            Idempotent. Exit codes: 0 applied or already current, 1 failed, 2 usage.
            """)
        {
            connection,
        };
        command.SetAction((parseResult, _) => RunAsync(
            parseResult.GetValue(connection),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    public static async Task<int> RunAsync(string? connectionString, TextWriter output, TextWriter error)
    {
        connectionString ??= new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetConnectionString("LabSandbox");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync(
                "migrate: no connection string. Pass --connection or set ConnectionStrings__LabSandbox.");
            await error.WriteLineAsync(SiloCommandLine.HelpHint("migrate"));
            return ExitCodes.UsageError;
        }

        try
        {
            var migrator = new SchemaMigrator(connectionString);
            await output.WriteLineAsync($"migrate: {Describe(connectionString)}, scripts from {migrator.ScriptsFolder}");
            var results = await migrator.MigrateAsync();
            foreach (var script in results)
            {
                var what = script.Applied ? "applied  " : "unchanged";
                await output.WriteLineAsync($"  {what} {script.Name}  sha256 {script.Sha256[..12]}");
            }

            await output.WriteLineAsync(
                $"migrate: done, {results.Count(r => r.Applied)} applied, {results.Count(r => !r.Applied)} unchanged.");
            return ExitCodes.Success;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"migrate: failed: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>Where we migrate, without echoing credentials.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database '{builder.Database}' on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "database (unparsable connection string)";
        }
    }
}
