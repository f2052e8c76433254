using System.Reflection;
using LabSandbox.Api.Features.Lab;
using LabSandbox.Grains.Interfaces.Lab;
using LabSandbox.Grains.Runs.LabGeneration;
using NetArchTest.Rules;
using Xunit;

namespace LabSandbox.Api.Tests.Architecture;

/// <summary>
/// INV-9: the Lab never reads or writes Sandbox state. Sandbox code lives in <c>*.Sandbox</c> namespaces
/// (grains, interfaces, API); no type of the Lab — its grains, run kinds, engines, API and contracts — may
/// depend on one. The checker reads IL, so a reference inside a method body counts too.
/// </summary>
public sealed class LabIndependenceTests
{
    private static readonly string[] SandboxNamespaces =
    [
        "LabSandbox.Grains.Sandbox",
        "LabSandbox.Grains.Interfaces.Sandbox",
        "LabSandbox.Api.Features.Sandbox",
        "LabSandbox.Grains.Runs.CohortSimulation",
    ];

    private static readonly string[] LabNamespaces =
    [
        "LabSandbox.Grains.Lab",
        "LabSandbox.Grains.Runs.LabGeneration",
        "LabSandbox.Grains.Interfaces.Lab",
        "LabSandbox.Grains.Runs.MarketShare",
        "LabSandbox.Grains.Runs.StrategyGeneration",
        "LabSandbox.Grains.Engine.Optimizer",
        "LabSandbox.Grains.Engine.MarketShare",
    ];

    private static readonly Assembly[] Assemblies =
        [typeof(LabPoolGenerator).Assembly, typeof(ICandidateGrain).Assembly, typeof(LabApi).Assembly];

    [Fact]
    public void No_Lab_type_depends_on_a_Sandbox_type()
    {
        var result = LabTypes().ShouldNot().HaveDependencyOnAny(SandboxNamespaces).GetResult();
        Assert.True(result.IsSuccessful, "Lab types that reach into the Sandbox: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_covers_every_Lab_area_and_sees_real_dependencies()
    {
        // Not vacuous: every Lab namespace and the Lab API hold types the rule checks...
        var checkedTypes = LabTypes().GetTypes().Select(t => t.FullName!).ToList();
        Assert.All(LabNamespaces, ns => Assert.Contains(checkedTypes, t => t.StartsWith(ns + ".", StringComparison.Ordinal)));
        Assert.Contains(typeof(LabApi).FullName!, checkedTypes);

        // ...every Sandbox namespace it guards against exists (a renamed folder would make the rule vacuous)...
        var allTypes = Types.InAssemblies(Assemblies).GetTypes().Select(t => t.Namespace).ToHashSet();
        Assert.All(SandboxNamespaces, ns => Assert.Contains(ns, allTypes));

        // ...and the same check does report a dependency the Lab really has (its pool generator derives artifact ids with the artifact writer).
        var control = LabTypes().ShouldNot().HaveDependencyOn("LabSandbox.Grains.Artifacts").GetResult();
        Assert.False(control.IsSuccessful);
        Assert.Contains(typeof(LabPoolGenerator).FullName!, control.FailingTypeNames!);
    }

    private static PredicateList LabTypes() =>
        Types.InAssemblies(Assemblies).That()
            .ResideInNamespaceMatching("^(" + string.Join("|", LabNamespaces.Select(n => n.Replace(".", "\\.", StringComparison.Ordinal))) + ")(\\..*)?$")
            .Or().HaveNameStartingWith("Lab").And().ResideInNamespaceStartingWith("LabSandbox.Api")
            .Or().HaveNameStartingWith("Candidate").And().ResideInNamespaceStartingWith("LabSandbox.Api");
}
