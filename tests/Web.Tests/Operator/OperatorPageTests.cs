using System.Reflection;
using Bunit;
using LabSandbox.Api.Components.Layout;
using LabSandbox.Api.Features.Operator;
using LabSandbox.Api.Features.Operator.Components;
using LabSandbox.Api.Infrastructure.Security;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Web.Tests.Datasets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using OperatorPage = LabSandbox.Api.Features.Operator.Pages.Operator;

namespace LabSandbox.Web.Tests.Operator;

/// <summary>
/// The operator page, read from a fake cluster: one run running for two hours on silo-a, one queued after a retry ten
/// minutes ago (and an older one, outside the hour), one dead-lettered. Admin only: the page's policy and the nav.
/// </summary>
public sealed class OperatorPageTests : LabComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeCluster cluster = new();

    [Fact]
    public void The_page_shows_dead_letters_retries_in_the_hour_the_slowest_runs_and_runs_per_silo()
    {
        Services.AddSingleton(cluster.Client);
        Services.AddSingleton<TimeProvider>(new FixedTime(Now));
        RunIndexEntry running = new("run-slow", "simulation", RunStatus.Running, false, Now.AddHours(-3), 1, ClaimedBy: "silo-a");
        RunIndexEntry queued = new("run-retried", "advancement", RunStatus.Queued, false, Now.AddHours(-3), 2, "timeout");
        RunIndexEntry dead = new("run-dead", "simulation", RunStatus.Failed, true, Now.AddDays(-1), 3, "boom");
        cluster
            .On<IRunIndexGrain>(nameof(IRunIndexGrain.QueryAsync), (key, args) =>
            {
                var query = (RunQuery)args[0]!;
                RunIndexEntry[] shard = key == RunIndex.ShardKey(0) ? [running, queued, dead] : [];
                return Task.FromResult<IReadOnlyList<RunIndexEntry>>(shard
                    .Where(e => (query.Status is null || e.Status == query.Status) && (query.DeadLettered is null || e.DeadLettered == query.DeadLettered))
                    .ToList());
            })
            .On<IRunGrain>(nameof(IRunGrain.GetAsync), key => Task.FromResult<RunSnapshot?>(Snapshot(key)))
            .On<IRunGrain>(nameof(IRunGrain.GetEventsAsync), (key, args) => Task.FromResult<RunEventPage?>(
                (long)args[0]! > 0 || key != "run-retried"
                    ? new RunEventPage([], RunStatus.Queued, 0)
                    : new RunEventPage(
                    [
                        new RunEvent(1, RunEventNames.RetryScheduled, Now.AddHours(-2), 1, Error: "too old"),
                        new RunEvent(2, RunEventNames.RetryScheduled, Now.AddMinutes(-10), 2, Error: "timeout"),
                    ], RunStatus.Queued, 2)));

        var cut = Render<OperatorPage>();

        cut.WaitForAssertion(() => Assert.Equal("Operator", cut.Find("h1").TextContent));
        Assert.Equal(["Dead letters", "Retries in the last hour", "Slowest running runs", "Per silo"], cut.FindAll("h2").Select(h => h.TextContent));
        Assert.Single(cut.FindAll("a[href='/runs/run-dead']"));
        Assert.Equal("1", cut.Find("[data-retry-count]").GetAttribute("data-retry-count"));
        Assert.Contains("attempt 2 failed · 11:50:00 UTC", cut.Markup);
        Assert.DoesNotContain("too old", cut.Markup);
        Assert.Contains("2 h 00 min", cut.Find("tr[data-run-id='run-slow']").TextContent);
        Assert.Equal("silo-a1", cut.Find("tr[data-silo='silo-a']").TextContent.Replace("\n", "").Replace(" ", ""));
        Assert.Equal(2, cut.FindAll($"a[href='{OperatorDashboard.Href}']").Count(a => a.TextContent == "Orleans dashboard"));
    }

    [Fact]
    public void A_failing_read_shows_the_problem_instead_of_the_panels()
    {
        Services.AddSingleton(cluster.Client);
        Services.AddSingleton(TimeProvider.System);
        cluster.On<IRunIndexGrain>(nameof(IRunIndexGrain.QueryAsync), _ => Task.FromException<IReadOnlyList<RunIndexEntry>>(new TimeoutException()));

        var cut = Render<OperatorPage>();

        cut.WaitForAssertion(() => Assert.Contains("Could not load operator overview", cut.Markup));
        Assert.Empty(cut.FindAll("h2"));
    }

    [Fact]
    public void Only_admins_may_open_the_page_and_only_admins_see_the_operator_links()
    {
        var policies = typeof(OperatorPage).GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy);
        Assert.Contains(LabPolicies.Admin, policies);

        Assert.Single(Render<NavMenu>().FindAll($"a[href='{OperatorDashboard.Href}']"));
        SignInAs("rita", LabPolicies.Reader);
        var reader = Render<NavMenu>();
        Assert.Empty(reader.FindAll($"a[href='{OperatorDashboard.Href}']"));
        Assert.Empty(reader.FindAll("a[href='/operator']"));
    }

    [Fact]
    public void Empty_panels_say_so_and_durations_read_at_a_glance()
    {
        Assert.Contains("No run is running", Render<SlowRunsTable>(p => p.Add(x => x.Runs, [])).Markup);
        Assert.Contains("No silo coordinates a running run", Render<SiloRunsTable>(p => p.Add(x => x.Silos, [])).Markup);
        Assert.Contains("0 retries in the last hour", Render<RetriesPanel>(p => p.Add(x => x.Retries, [])).Markup);
        Assert.Equal("12 s", SlowRunsTable.Duration(TimeSpan.FromSeconds(12)));
        Assert.Equal("4 min 09 s", SlowRunsTable.Duration(new TimeSpan(0, 4, 9)));
        Assert.Equal("26 h 05 min", SlowRunsTable.Duration(new TimeSpan(1, 2, 5, 0)));
    }

    private static RunSnapshot? Snapshot(string runId) => runId == "run-slow"
        ? new RunSnapshot(runId, new RunSpec("simulation", "{}", "h", [], [], null, "v1"), RunStatus.Running, false, 1, null, "silo-a",
            Now.AddHours(-3), Now.AddHours(-2), null, [], 3)
        : null;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
