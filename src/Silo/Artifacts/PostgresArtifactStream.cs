using Npgsql;

namespace LabSandbox.Silo.Artifacts;

/// <summary>
/// The bytes of one content row, read straight off the wire (the command runs with
/// <see cref="System.Data.CommandBehavior.SequentialAccess"/>, so the value is never buffered whole). Owns the
/// connection, command and reader it reads from: disposing the stream returns the connection to the pool, whoever
/// the caller is (an HTTP response body, a StreamReader). Read-only, forward-only.
/// </summary>
internal sealed class PostgresArtifactStream(NpgsqlConnection connection, NpgsqlCommand command, NpgsqlDataReader reader, Stream content, long length)
    : Stream
{
    private long position;
    private bool disposed;

    public override bool CanRead => !disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    /// <summary>The stored size (known from the row before the bytes), for callers that want it.</summary>
    public long ContentLength => length;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(content.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(content.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await content.ReadAsync(buffer.AsMemory(offset, count), cancellationToken));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await content.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            content.Dispose();
            reader.Dispose();
            command.Dispose();
            connection.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            await content.DisposeAsync();
            await reader.DisposeAsync();
            await command.DisposeAsync();
            await connection.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private int Count(int read)
    {
        position += read;
        return read;
    }
}
