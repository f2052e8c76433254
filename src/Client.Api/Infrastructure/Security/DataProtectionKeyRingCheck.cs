namespace LabSandbox.Api.Infrastructure.Security;

/// <summary>
/// At start, reads the PostgreSQL key ring's table once. A missing table (the schema was not migrated) stops the host
/// with <see cref="PostgresXmlRepository"/>'s message naming <c>migrate</c>; any other failure (the database not
/// reachable yet) is logged and start goes on, since the key ring is read again when a request first needs it.
/// </summary>
public sealed partial class DataProtectionKeyRingCheck(PostgresXmlRepository repository, ILogger<DataProtectionKeyRingCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await repository.CheckTableAsync(cancellationToken);
        }
        catch (Exception e) when (e is not InvalidOperationException and not OperationCanceledException)
        {
            LogUnreachable(logger, repository.ServiceId, e.GetType().Name, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Data Protection key ring of service '{ServiceId}' could not be checked at start ({ExceptionType}); it is read again on first use")]
    private static partial void LogUnreachable(ILogger logger, string serviceId, string exceptionType, Exception exception);
}
