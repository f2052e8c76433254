using System.Net.Sockets;
using LabSandbox.Api.Infrastructure;
using Microsoft.AspNetCore.Http;
using Npgsql;
using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;
using Xunit;

namespace LabSandbox.Api.Tests.Hardening;

/// <summary>Which unhandled failures tell a client to try again (503) and which are the API's own fault (500).</summary>
public sealed class ExceptionStatusCodesTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new SiloUnavailableException("silo S127.0.0.1:11111:1 is dead"), 503 },
        { new ConnectionFailedException("gateway gone"), 503 },
        { new SocketConnectionException("connection reset"), 503 },
        { new GatewayTooBusyException(), 503 },
        { new TimeoutException("grain call timed out"), 503 },
        { new NpgsqlException("the database system is shutting down", new SocketException()), 503 },
        { new BadHttpRequestException("too large", StatusCodes.Status413PayloadTooLarge), 413 },
        { new InvalidOperationException("a bug"), 500 },
        { new OrleansException("not a transient failure"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_unhandled_exception_gets_its_status(Exception exception, int expected) =>
        Assert.Equal(expected, ExceptionStatusCodes.Of(exception));
}
