using System.Net;
using System.Net.Sockets;

namespace LabSandbox.TestSupport;

/// <summary>Free loopback ports for silos; never the same one twice in a test run.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                // Port 0 lets the OS choose; the listener is closed again at once. Remembering what was
                // handed out keeps parallel tests from receiving the same port before a silo binds it.
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Handed.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
