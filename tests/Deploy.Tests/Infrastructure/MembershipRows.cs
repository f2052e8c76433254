using Npgsql;

namespace LabSandbox.Deploy.Tests.Infrastructure;

/// <summary>Reads a cluster's silo rows straight from the project's membership table (the providers' own view).</summary>
public static class MembershipRows
{
    public const int Active = 3;
    public const int Dead = 6;

    /// <summary>The status of the newest generation of the silo named <paramref name="siloName"/>, or null before it registered.</summary>
    public static async Task<int?> StatusAsync(string connectionString, string clusterId, string siloName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleans_membership_silo WHERE deployment_id = @cluster AND silo_name = @name ORDER BY generation DESC LIMIT 1",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("name", siloName);
        return await command.ExecuteScalarAsync() is int status ? status : null;
    }

    /// <summary>The names of the cluster's Active silos, in order.</summary>
    public static async Task<IReadOnlyList<string>> ActiveSiloNamesAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT silo_name FROM orleans_membership_silo WHERE deployment_id = @cluster AND status = @active ORDER BY silo_name",
            connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("active", Active);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
