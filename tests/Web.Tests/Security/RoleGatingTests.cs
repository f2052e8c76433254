using Bunit;
using LabSandbox.Api.Features.Runs.Components;
using LabSandbox.Api.Features.Simulations.Pages;
using LabSandbox.Api.Infrastructure.Audit;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Datasets;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Web.Tests.Simulations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Security;

/// <summary>
/// What each role may do in the UI: a reader sees the actions disabled with the reason, an analyst may start and
/// cancel, only an admin may requeue; and a handler reached anyway (a hand-made circuit event) refuses before any grain call.
/// </summary>
public sealed class RoleGatingTests : LabComponentTest
{
    private readonly FakeLab lab = new();

    private IRenderedComponent<RunActions> RenderActions(RunStatus status, bool deadLettered) =>
        Render<RunActions>(p => p.Add(a => a.RunId, "run-1").Add(a => a.Status, status).Add(a => a.DeadLettered, deadLettered));

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<IComponent> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public void A_reader_sees_cancel_and_requeue_disabled_with_the_role_they_need()
    {
        SignInAs("rita", LabPolicies.Reader);

        var running = RenderActions(RunStatus.Running, deadLettered: false);
        var deadLettered = RenderActions(RunStatus.Failed, deadLettered: true);

        Assert.True(Button(running, "Cancel run").HasAttribute("disabled"));
        Assert.Equal("Requires the analyst role", running.Find("[data-requires-role]").GetAttribute("title"));
        Assert.True(Button(deadLettered, "Requeue").HasAttribute("disabled"));
        Assert.Equal("Requires the admin role", deadLettered.Find("[data-requires-role]").GetAttribute("title"));
    }

    [Fact]
    public void An_analyst_may_cancel_but_not_requeue()
    {
        SignInAs("ana", LabPolicies.Analyst);

        var running = RenderActions(RunStatus.Running, deadLettered: false);
        var deadLettered = RenderActions(RunStatus.Failed, deadLettered: true);

        Assert.False(Button(running, "Cancel run").HasAttribute("disabled"));
        Assert.Empty(running.FindAll("[data-requires-role]"));
        Assert.True(Button(deadLettered, "Requeue").HasAttribute("disabled"));
        Assert.Equal("admin", deadLettered.Find("[data-requires-role]").GetAttribute("data-requires-role"));
    }

    [Fact]
    public void An_admin_may_requeue()
    {
        SignInAs("ada", LabPolicies.Admin);

        var deadLettered = RenderActions(RunStatus.Failed, deadLettered: true);

        Assert.False(Button(deadLettered, "Requeue").HasAttribute("disabled"));
        Assert.Empty(deadLettered.FindAll("[data-requires-role]"));
    }

    [Fact]
    public void A_reader_sees_start_disabled_and_a_forced_submit_is_refused_before_the_factory_is_called()
    {
        SignInAs("rita", LabPolicies.Reader);
        var cut = RenderSimulationForm();

        Assert.True(Button(cut, "Start simulation").HasAttribute("disabled"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Requires the analyst role: rita is a reader.", cut.Markup));
        Assert.Empty(lab.Created);
        Assert.Empty(AuditTrail.Writes);
        Assert.Contains("/simulations/new", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void An_analyst_starts_a_simulation_and_the_change_is_audited_under_their_name()
    {
        SignInAs("ana", LabPolicies.Analyst);
        var cut = RenderSimulationForm();

        Assert.False(Button(cut, "Start simulation").HasAttribute("disabled"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(lab.Created));
        var write = Assert.Single(AuditTrail.Writes);
        Assert.Equal(new AuditWrite("ana", "UI", "/simulations/new", "run-simulation-new-1", 200), write);
    }

    private IRenderedComponent<SimulationNew> RenderSimulationForm()
    {
        lab.Calcuttas["calcutta-2025"] = new CalcuttaSnapshot("calcutta-2025", "ncaa-2025", 2025, "2025", new PoolRules(100, 1, 10, 1, 50), [], [],
            [new PoolEntry("P001", false, [])], "digest");
        Services.AddSingleton(lab.Cluster);
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/simulations/new?pool=calcutta-2025&advancement=art-adv");
        var cut = Render<SimulationNew>();
        cut.WaitForAssertion(() => Assert.Contains("calcutta-2025", cut.Markup));
        return cut;
    }
}
