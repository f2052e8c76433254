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
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public const string Usage = """
        usage: LabSandbox.Silo migrate [--connection <connection string>]

        Applies the PostgreSQL schema (the sql/*.sql scripts next to the binaries) in one transaction.
        Without --connection, the connection string comes from the environment variable
        ConnectionStrings__LabSandbox. Exit codes: 0 applied or already current, 1 failed, 2 usage.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;

        string? connectionString = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Length:
                    connectionString = args[++i];
                    break;
                case var a when a.StartsWith("--connection=", StringComparison.Ordinal):
                    connectionString = a["--connection=".Length..];
                    break;
                case "-h" or "--help":
                    await output.WriteLineAsync(Usage);
                    return Success;
                default:
                    await error.WriteLineAsync($"migrate: unexpected argument '{args[i]}'.");
                    await error.WriteLineAsync(Usage);
                    return UsageError;
            }
        }

        connectionString ??= new ConfigurationBuilder().AddEnvironmentVariables().Build()
            .GetConnectionString("LabSandbox");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync(
                "migrate: no connection string. Pass --connection or set ConnectionStrings__LabSandbox.");
            await error.WriteLineAsync(Usage);
            return UsageError;
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
            return Success;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"migrate: failed: {e.Message}");
            return Failure;
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
