using System.Data;
using Npgsql;

namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// Runs a catalog query the way the Orleans ADO.NET providers do: the text from orleansquery, one
/// command, parameters added by bare name with the provider's DbType (strings as String, Address as
/// AnsiString, times as UTC DateTime), every row of every result set read.
/// </summary>
public static class CatalogQuery
{
    public static (string, DbType, object?) Text(string name, string? value) => (name, DbType.String, value);

    public static (string, DbType, object?) Ansi(string name, string value) => (name, DbType.AnsiString, value);

    public static (string, DbType, object?) Int(string name, int value) => (name, DbType.Int32, value);

    public static (string, DbType, object?) Time(string name, DateTime utc) => (name, DbType.DateTime, utc);

    /// <summary>Rows keyed by output column name, case-insensitively, as Orleans' GetOrdinal finds them.</summary>
    public static async Task<List<Dictionary<string, object?>>> RunAsync(TestDatabase db, string key, params (string Name, DbType Type, object? Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        string text;
        await using (var lookup = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection))
        {
            lookup.Parameters.AddWithValue("key", key);
            text = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no catalog row {key}");
        }

        await using var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, type, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    /// <summary>The single boolean a CAS query returns (Orleans reads it with Convert.ToBoolean).</summary>
    public static async Task<bool> BoolAsync(TestDatabase db, string key, params (string, DbType, object?)[] parameters)
    {
        var rows = await RunAsync(db, key, parameters);
        var row = Assert.Single(rows);
        return Convert.ToBoolean(Assert.Single(row).Value);
    }
}
