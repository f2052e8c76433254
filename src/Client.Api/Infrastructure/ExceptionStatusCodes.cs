using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;

namespace LabSandbox.Api.Infrastructure;

/// <summary>
/// The status of a response to an unhandled exception. Failures a retry will get past are 503, not 500: a silo that
/// just died is unreachable until membership declares it dead (a retry finds a survivor), the client's gateway
/// connection drops with its silo until the client picks another one, a grain call times out while the cluster
/// rebalances, and the database refuses connections while it restarts.
/// </summary>
public static class ExceptionStatusCodes
{
    public static int Of(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        OrleansMessageRejectionException or ConnectionFailedException or SocketConnectionException or GatewayTooBusyException
            or TimeoutException or System.Data.Common.DbException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
