using System.Data;
using System.Security.Cryptography;
using LabSandbox.Grains.Interfaces.Artifacts;
using Npgsql;
using NpgsqlTypes;

namespace LabSandbox.Silo.Artifacts;

/// <summary>
/// Heavy artifact bytes in PostgreSQL (tables of <c>deploy/sql/040_artifacts.sql</c>), so every silo and the API
/// read what any silo wrote, with no shared disk. Content-addressed: identical bytes are stored once
/// (<c>labsandbox_artifact_content</c>, keyed by SHA-256) and each artifact file is a reference to them
/// (<c>labsandbox_artifact_ref</c>). Deleting a reference removes the content only when no other reference is left;
/// the foreign key settles a delete that races a new reference (see <see cref="DeleteAsync"/>).
/// URIs: <see cref="PostgresArtifactUri"/>. References belong to <paramref name="serviceId"/> (as grain state does), so
/// services sharing a database never read or delete each other's references; content is shared by all.
/// </summary>
public sealed class PostgresArtifactStore(NpgsqlDataSource dataSource, string serviceId) : IArtifactStore
{
    public const string ContentTable = "labsandbox_artifact_content";
    public const string RefTable = "labsandbox_artifact_ref";

    /// <summary>A put retried this often when a concurrent delete removed the content between its two statements.</summary>
    private const int PutAttempts = 5;

    public async Task<string> PutAsync(string artifactId, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        if (!PostgresArtifactUri.IsValidName(artifactId) || !PostgresArtifactUri.IsValidName(fileName))
        {
            throw new ArgumentException($"Artifact id '{artifactId}' or file name '{fileName}' is not a safe name.");
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var replaced = await PutOnceAsync(artifactId, fileName, sha256, content, cancellationToken);
                if (replaced is not null)
                {
                    await DeleteContentIfUnreferencedAsync(replaced, cancellationToken);
                }

                return new PostgresArtifactUri(sha256, artifactId, fileName).ToString();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation && attempt < PutAttempts)
            {
                // The content row this put found was deleted (its last reference went) before the reference was
                // written: try again, which stores the bytes anew.
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                throw MissingSchema(e);
            }
        }
    }

    /// <summary>One transaction: the content row (sent only when it is not there yet), then the reference.</summary>
    /// <returns>The SHA-256 this reference pointed at before, when that was other content; else null.</returns>
    private async Task<string?> PutOnceAsync(string artifactId, string fileName, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // KEY SHARE: an existing row stays until this transaction commits (a concurrent delete waits, then finds the
        // new reference through the foreign key), and the bytes are not sent again.
        await using (var exists = new NpgsqlCommand($"SELECT 1 FROM {ContentTable} WHERE sha256 = @sha256 FOR KEY SHARE", connection, transaction))
        {
            exists.Parameters.AddWithValue("sha256", sha256);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO {ContentTable} (sha256, size_bytes, content) VALUES (@sha256, @size, @content) ON CONFLICT (sha256) DO NOTHING",
                    connection, transaction);
                insert.Parameters.AddWithValue("sha256", sha256);
                insert.Parameters.AddWithValue("size", (long)content.Length);
                // The caller's memory is written to the wire as it is: no copy into a byte[] first.
                insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("content", NpgsqlDbType.Bytea) { TypedValue = content });
                insert.CommandTimeout = 300;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        // Write-once in practice (artifact ids are deterministic); a rewrite with other bytes moves the reference.
        string? replaced = null;
        await using (var moved = new NpgsqlCommand(
            $"DELETE FROM {RefTable} WHERE service_id = @service AND artifact_id = @id AND file_name = @name AND sha256 <> @sha256 RETURNING sha256", connection, transaction))
        {
            moved.Parameters.AddWithValue("service", serviceId);
            moved.Parameters.AddWithValue("id", artifactId);
            moved.Parameters.AddWithValue("name", fileName);
            moved.Parameters.AddWithValue("sha256", sha256);
            replaced = await moved.ExecuteScalarAsync(cancellationToken) as string;
        }

        await using (var reference = new NpgsqlCommand(
            $"INSERT INTO {RefTable} (service_id, artifact_id, file_name, sha256) VALUES (@service, @id, @name, @sha256) ON CONFLICT (service_id, artifact_id, file_name) DO NOTHING",
            connection, transaction))
        {
            reference.Parameters.AddWithValue("service", serviceId);
            reference.Parameters.AddWithValue("id", artifactId);
            reference.Parameters.AddWithValue("name", fileName);
            reference.Parameters.AddWithValue("sha256", sha256);
            await reference.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return replaced;
    }

    public async Task<Stream> OpenReadAsync(string storageUri, CancellationToken cancellationToken = default)
    {
        var uri = PostgresArtifactUri.Parse(storageUri);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        NpgsqlCommand? command = null;
        NpgsqlDataReader? reader = null;
        try
        {
            // Through the reference: bytes another artifact still holds are not this artifact's once it was deleted.
            command = new NpgsqlCommand($"""
                SELECT c.size_bytes, c.content
                  FROM {RefTable} r JOIN {ContentTable} c ON c.sha256 = r.sha256
                 WHERE r.service_id = @service AND r.artifact_id = @id AND r.file_name = @name AND r.sha256 = @sha256
                """, connection);
            command.Parameters.AddWithValue("service", serviceId);
            command.Parameters.AddWithValue("id", uri.ArtifactId);
            command.Parameters.AddWithValue("name", uri.FileName);
            command.Parameters.AddWithValue("sha256", uri.Sha256);
            reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new FileNotFoundException($"'{storageUri}' is not in the artifact store.", storageUri);
            }

            var length = reader.GetInt64(0);
            return new PostgresArtifactStream(connection, command, reader, reader.GetStream(1), length);
        }
        catch (Exception e)
        {
            if (reader is not null)
            {
                await reader.DisposeAsync();
            }

            if (command is not null)
            {
                await command.DisposeAsync();
            }

            await connection.DisposeAsync();
            if (e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } missing)
            {
                throw MissingSchema(missing);
            }

            throw;
        }
    }

    /// <summary>
    /// Removes the reference, then the content when no reference is left, holding the content row's lock throughout.
    /// The content delete also runs under a savepoint: should a reference appear that its snapshot missed, the foreign
    /// key fails it (the new reference wins and the bytes stay) instead of failing the delete. Idempotent.
    /// </summary>
    public async Task<bool> DeleteAsync(string storageUri, CancellationToken cancellationToken = default)
    {
        var uri = PostgresArtifactUri.Parse(storageUri);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockContentAsync(connection, transaction, uri.Sha256, cancellationToken);
            await using var command = new NpgsqlCommand(
                $"DELETE FROM {RefTable} WHERE service_id = @service AND artifact_id = @id AND file_name = @name AND sha256 = @sha256", connection, transaction);
            command.Parameters.AddWithValue("service", serviceId);
            command.Parameters.AddWithValue("id", uri.ArtifactId);
            command.Parameters.AddWithValue("name", uri.FileName);
            command.Parameters.AddWithValue("sha256", uri.Sha256);
            var removed = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            await DeleteContentIfUnreferencedAsync(connection, transaction, uri.Sha256, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return removed;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw MissingSchema(e);
        }
    }

    private async Task DeleteContentIfUnreferencedAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await LockContentAsync(connection, transaction, sha256, cancellationToken);
        await DeleteContentIfUnreferencedAsync(connection, transaction, sha256, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Serializes deletes of one content: without it, two deletes of its last two references could each still see the
    /// other's (uncommitted) reference and both keep the row, leaving it unreferenced. Puts' KEY SHARE waits on it too.
    /// </summary>
    private static async Task LockContentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sha256, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {ContentTable} WHERE sha256 = @sha256 FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("sha256", sha256);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task DeleteContentIfUnreferencedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sha256, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("content", cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"""
                DELETE FROM {ContentTable} c
                 WHERE c.sha256 = @sha256 AND NOT EXISTS (SELECT 1 FROM {RefTable} r WHERE r.sha256 = @sha256)
                """, connection, transaction);
            command.Parameters.AddWithValue("sha256", sha256);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.ReleaseAsync("content", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            // A reference appeared after this statement's snapshot: the content is in use again and stays.
            await transaction.RollbackAsync("content", cancellationToken);
        }
    }

    private static InvalidOperationException MissingSchema(PostgresException e) => new(
        $"The PostgreSQL artifact store's tables ({ContentTable}, {RefTable}) do not exist: apply the schema first " +
        $"(dotnet LabSandbox.Silo.dll migrate --connection \"...\"). PostgreSQL said: {e.MessageText}", e);
}
