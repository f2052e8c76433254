using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// The API's Data Protection key ring in PostgreSQL (table <c>labsandbox_data_protection_keys</c> of
/// <c>deploy/sql/050_data_protection.sql</c>), shared by every API process of one service: a session cookie or an
/// antiforgery token protected by one replica is unprotected by any other. Rows are keyed by (service id, friendly
/// name) and written once: storing an element under a name that already holds the same XML does nothing, and a name
/// that holds other XML is refused rather than overwritten (a key that protected cookies must never change).
/// </summary>
/// <remarks>
/// The key manager calls this synchronously and rarely (when it loads or refreshes the ring, and when it creates a
/// key), so plain synchronous calls on the pool are enough. The XML is stored as handed over: without an XML encryptor
/// the keys' secrets are unencrypted at rest (docs/security.md).
/// </remarks>
public sealed class PostgresXmlRepository : IXmlRepository
{
    public const string Table = "labsandbox_data_protection_keys";

    /// <summary>The longest friendly name the table accepts; a longer (or missing) one is replaced by a fresh GUID name.</summary>
    public const int MaxFriendlyNameLength = 200;

    private readonly NpgsqlDataSource dataSource;

    public PostgresXmlRepository(NpgsqlDataSource dataSource, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        this.dataSource = dataSource;
        ServiceId = serviceId;
    }

    /// <summary>Whose key ring this is (<c>LabSandbox:ServiceId</c>).</summary>
    public string ServiceId { get; }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            using var connection = dataSource.OpenConnection();
            using var command = new NpgsqlCommand(
                $"SELECT friendly_name, xml FROM {Table} WHERE service_id = @service ORDER BY created_at, friendly_name", connection);
            command.Parameters.AddWithValue("service", ServiceId);
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(Parse(reader.GetString(0), reader.GetString(1)));
            }

            return elements;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MissingTable(e);
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var name = IsUsableName(friendlyName) ? friendlyName : $"element-{Guid.NewGuid():D}";
        var xml = element.ToString(SaveOptions.DisableFormatting);
        try
        {
            using var connection = dataSource.OpenConnection();
            using (var insert = new NpgsqlCommand(
                $"INSERT INTO {Table} (service_id, friendly_name, xml) VALUES (@service, @name, @xml) ON CONFLICT (service_id, friendly_name) DO NOTHING",
                connection))
            {
                insert.Parameters.AddWithValue("service", ServiceId);
                insert.Parameters.AddWithValue("name", name);
                insert.Parameters.AddWithValue("xml", xml);
                if (insert.ExecuteNonQuery() == 1)
                {
                    return;
                }
            }

            // The name is taken: the same element stored again is a no-op; anything else would rewrite a key.
            using var existing = new NpgsqlCommand($"SELECT xml FROM {Table} WHERE service_id = @service AND friendly_name = @name", connection);
            existing.Parameters.AddWithValue("service", ServiceId);
            existing.Parameters.AddWithValue("name", name);
            if (existing.ExecuteScalar() is string stored && stored != xml)
            {
                throw new InvalidOperationException(
                    $"Data Protection key ring of service '{ServiceId}': element '{name}' is already stored with other content; " +
                    "stored elements are never rewritten.");
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MissingTable(e);
        }
    }

    /// <summary>Reads the table once (no rows needed): throws <see cref="MissingTable"/>'s message when migrate has not run.</summary>
    public async Task CheckTableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT 1 FROM {Table} WHERE service_id = @service LIMIT 1", connection);
            command.Parameters.AddWithValue("service", ServiceId);
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MissingTable(e);
        }
    }

    private static bool IsUsableName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= MaxFriendlyNameLength;

    private XElement Parse(string name, string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException e)
        {
            throw new InvalidOperationException(
                $"Data Protection key ring of service '{ServiceId}': element '{name}' in {Table} is not valid XML.", e);
        }
    }

    private static InvalidOperationException MissingTable(PostgresException e) => new(
        $"The API's Data Protection key ring table ({Table}) does not exist: apply the schema first " +
        $"(dotnet LabSandbox.Silo.dll migrate --connection \"...\", deploy/sql/050_data_protection.sql). " +
        $"PostgreSQL said: {e.MessageText}", e);
}
