using Orleans.Dashboard;

namespace LabSandbox.Silo.Hosting;

/// <summary>
/// The Orleans dashboard's cluster side. Every silo collects its own grain and silo statistics for the dashboard's
/// grains; the API (embedded silo or client) serves the dashboard's pages, under <c>/operator/dashboard</c>, to admins.
/// A client-mode API needs <see cref="AddLabDashboard(IClientBuilder)"/> and every silo of its cluster this one.
/// </summary>
public static class LabDashboardExtensions
{
    public static ISiloBuilder AddLabDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    public static IClientBuilder AddLabDashboard(this IClientBuilder client) => client.AddDashboard();
}
