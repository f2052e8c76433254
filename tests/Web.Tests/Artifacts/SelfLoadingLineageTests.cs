using System.Reflection;
using Bunit;
using LabSandbox.Api.Features.Artifacts.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LabSandbox.Web.Tests.Artifacts;

/// <summary>The self-loading lineage graphs show a readable error when the cluster cannot answer.</summary>
public sealed class SelfLoadingLineageTests : LabComponentTest
{
    public SelfLoadingLineageTests() => Services.AddSingleton(FailingCluster.Create());

    [Fact]
    public void The_artifact_graph_shows_the_error_not_a_stack_trace()
    {
        var cut = Render<ArtifactLineageGraph>(p => p.Add(x => x.ArtifactId, "art-1"));

        var alert = cut.Find("[role=alert]");
        Assert.Contains("Could not load lineage", alert.TextContent);
        Assert.Contains("the test cluster is down", alert.TextContent);
        Assert.DoesNotContain(" at ", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_graph_shows_the_error_too()
    {
        var cut = Render<RunLineageGraph>(p => p.Add(x => x.RunId, "run-1"));

        Assert.Contains("the test cluster is down", cut.Find("[role=alert]").TextContent);
    }

    /// <summary>An <see cref="IClusterClient"/> whose every call fails, as an unreachable cluster's would.</summary>
    public class FailingCluster : DispatchProxy
    {
        public static IClusterClient Create() => Create<IClusterClient, FailingCluster>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("the test cluster is down");
    }
}
