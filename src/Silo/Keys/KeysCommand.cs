using System.CommandLine;
using System.Globalization;
using LabSandbox.Grains.Interfaces.Security;
using LabSandbox.Grains.Security;
using LabSandbox.Silo.Commands;
using Microsoft.Extensions.Configuration;

namespace LabSandbox.Silo.Keys;

/// <summary>
/// <c>LabSandbox.Silo keys create|list|revoke</c>: manages the API keys of the running cluster. A new key is printed
/// once, on stdout, and never again: only its SHA-256 is stored. Exit codes: 0 done, 1 refused or no cluster, 2 usage.
/// </summary>
public static class KeysCommand
{
    /// <param name="configure">The cluster's configuration sources (tests); null reads appsettings.json and the environment.</param>
    public static Command Create(Action<IConfigurationBuilder>? configure = null)
    {
        var command = new Command("keys", """
            Manages the API's keys on the running cluster (reached as the silo host's configuration says: PostgreSQL
            membership with ConnectionStrings__LabSandbox, otherwise the local gateway on LabSandbox__GatewayPort).
            Exit codes: 0 done, 1 refused or no cluster reachable, 2 usage.
            """)
        {
            CreateCommand(configure),
            ListCommand(configure),
            RevokeCommand(configure),
        };
        return command;
    }

    private static Command CreateCommand(Action<IConfigurationBuilder>? configure)
    {
        var name = new Option<string>("--name")
        {
            Description = "The key's name: the actor its changes record. 1–64 of a-z 0-9 . _ -, starting with a letter or digit.",
            HelpName = "NAME",
            Required = true,
        };
        name.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && ApiKeyRules.NameProblem(result.Tokens[0].Value) is { } problem)
            {
                result.AddError("--name: " + problem);
            }
        });
        var role = new Option<string>("--role")
        {
            Description = $"The key's role: {string.Join(", ", ApiKeyRules.Roles)}.",
            HelpName = "ROLE",
            Required = true,
        };
        role.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && ApiKeyRules.RoleProblem(result.Tokens[0].Value) is { } problem)
            {
                result.AddError("--role: " + problem);
            }
        });
        var command = new Command("create", "Creates a key and prints it once; store it now, it cannot be shown again.") { name, role };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var invocation = parseResult.InvocationConfiguration;
            return KeysCluster.RunAsync(configure, invocation.Error,
                grains => CreateAsync(grains, parseResult.GetValue(name)!, parseResult.GetValue(role)!, invocation.Output, invocation.Error),
                cancellationToken);
        });
        return command;
    }

    private static Command ListCommand(Action<IConfigurationBuilder>? configure)
    {
        var command = new Command("list", "Lists every key: name, role, hint, created and revoked (never the key).");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var invocation = parseResult.InvocationConfiguration;
            return KeysCluster.RunAsync(configure, invocation.Error, grains => ListAsync(grains, invocation.Output), cancellationToken);
        });
        return command;
    }

    private static Command RevokeCommand(Action<IConfigurationBuilder>? configure)
    {
        var name = new Argument<string>("NAME") { Description = "The name of the active key to revoke; it is refused from the next request on." };
        var command = new Command("revoke", "Revokes the active key of that name.") { name };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var invocation = parseResult.InvocationConfiguration;
            return KeysCluster.RunAsync(configure, invocation.Error,
                grains => RevokeAsync(grains, parseResult.GetValue(name)!, invocation.Output, invocation.Error),
                cancellationToken);
        });
        return command;
    }

    private static IApiKeyRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key);

    private static async Task<int> CreateAsync(IGrainFactory grains, string name, string role, TextWriter output, TextWriter error)
    {
        var key = ApiKeys.Generate();
        var change = await Registry(grains).CreateAsync(name, role, ApiKeys.Hash(key), ApiKeys.Hint(key), TimeProvider.System.GetUtcNow());
        if (change.Key is null)
        {
            await error.WriteLineAsync($"keys create: refused: {change.Error}");
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync(key);
        await output.WriteLineAsync($"Created key '{name}' ({role}). Store it now: it is shown only this once (only its hash is kept).");
        return ExitCodes.Success;
    }

    private static async Task<int> ListAsync(IGrainFactory grains, TextWriter output)
    {
        var keys = await Registry(grains).ListAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"NAME",-24} {"ROLE",-8} {"HINT",-10} {"CREATED",-20} REVOKED"));
        foreach (var k in keys)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{k.Name,-24} {k.Role,-8} {k.Hint,-10} {Instant(k.CreatedAt),-20} {(k.RevokedAt is { } at ? Instant(at) : "-")}"));
        }

        await output.WriteLineAsync($"{keys.Count} key(s), {keys.Count(k => k.IsActive)} active.");
        return ExitCodes.Success;
    }

    private static async Task<int> RevokeAsync(IGrainFactory grains, string name, TextWriter output, TextWriter error)
    {
        var change = await Registry(grains).RevokeAsync(name, TimeProvider.System.GetUtcNow());
        if (change.Key is null)
        {
            await error.WriteLineAsync($"keys revoke: refused: {change.Error}");
            return ExitCodes.Failure;
        }

        await output.WriteLineAsync($"Revoked key '{name}' ({change.Key.Hint}); it is refused from the next request on.");
        return ExitCodes.Success;
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
