using System.Reflection;
using LabSandbox.Api.Features.ArchitectureControl;
using LabSandbox.Api.Features.Runs;
using LabSandbox.Api.Tests.Infrastructure;
using LabSandbox.Grains.Interfaces.Runs;
using LabSandbox.Grains.Runs;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;
using Xunit;

namespace LabSandbox.Api.Tests.Architecture;

/// <summary>
/// The API speaks only contracts: endpoint code (<c>LabSandbox.Api.Features*</c>) depends on no grain
/// implementation namespace — only on <c>LabSandbox.Grains.Interfaces*</c> and its own types — and no response it
/// documents is an implementation type. Read from IL, so a reference inside a method body counts.
/// </summary>
public sealed class ApiContractsTests(EmbeddedApiFixture fixture) : IClassFixture<EmbeddedApiFixture>
{
    private const string Features = "LabSandbox.Api.Features";

    private static readonly string[] FeatureAreas = ["Runs", "Artifacts", "Datasets", "Lab", "Sandbox", "Experiments", "Backtest", "Health"];

    private static readonly Assembly Api = typeof(RunsApi).Assembly;

    private static readonly Assembly Grains = typeof(RunGrain).Assembly;

    [Fact]
    public void Features_depend_only_on_grain_contracts()
    {
        var result = FeaturesUseOnlyContracts([Api]);
        Assert.True(result.IsSuccessful, "Feature types that reach into grain implementations: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_checks_every_feature_and_guards_every_implementation_namespace()
    {
        var checkedNamespaces = FeatureTypes([Api]).GetTypes().Select(t => t.Namespace).ToHashSet();
        Assert.All(FeatureAreas, area => Assert.Contains($"{Features}.{area}", checkedNamespaces));

        var forbidden = ImplementationNamespaces();
        Assert.Contains("LabSandbox.Grains.Runs", forbidden);
        Assert.Contains("LabSandbox.Grains.Sandbox", forbidden);
        Assert.DoesNotContain(forbidden, n => n.StartsWith("LabSandbox.Grains.Interfaces", StringComparison.Ordinal));

        // The features do use contracts, so the rule is not passing for want of any grain dependency at all.
        Assert.False(FeatureTypes([Api]).ShouldNot().HaveDependencyOn(typeof(IRunGrain).Namespace).GetResult().IsSuccessful);
    }

    [Fact]
    public void Positive_control_a_feature_that_reaches_into_a_grain_implementation_fails_the_same_rule()
    {
        var result = FeaturesUseOnlyContracts([typeof(ReachesIntoGrains).Assembly]);

        Assert.False(result.IsSuccessful);
        Assert.Equal([typeof(ReachesIntoGrains).FullName!], result.FailingTypeNames);
    }

    [Fact]
    public void No_documented_response_is_a_grain_implementation_type()
    {
        var responseTypes = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Select(p => p.Type)
            .OfType<Type>()
            .ToHashSet();
        Assert.Contains(typeof(RunCreatedResponse), responseTypes);

        var reached = Reachable(responseTypes);
        var implementations = reached.Where(t => t.Assembly == Grains).Select(t => t.FullName).ToList();
        Assert.True(implementations.Count == 0, "Responses that expose grain implementation types: " + string.Join(", ", implementations));
        Assert.Contains(reached, t => t.Namespace?.StartsWith("LabSandbox.Grains.Interfaces", StringComparison.Ordinal) == true);
    }

    /// <summary>The rule, over any assemblies: their <c>LabSandbox.Api.Features*</c> types use no grain implementation namespace.</summary>
    private static TestResult FeaturesUseOnlyContracts(IEnumerable<Assembly> assemblies) =>
        FeatureTypes(assemblies).ShouldNot().HaveDependencyOnAny(ImplementationNamespaces()).GetResult();

    private static PredicateList FeatureTypes(IEnumerable<Assembly> assemblies) =>
        Types.InAssemblies(assemblies).That().ResideInNamespaceStartingWith(Features);

    /// <summary>
    /// Every namespace of the grains assembly, and the full names of the types in its root namespace (the root
    /// namespace itself would also match the contracts', which live under it).
    /// </summary>
    private static string[] ImplementationNamespaces() =>
        Grains.GetTypes()
            .Where(t => t.Namespace?.StartsWith("LabSandbox.Grains", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace == "LabSandbox.Grains" ? t.FullName! : t.Namespace!)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The types a response exposes: itself, its generic arguments, element types and public properties, transitively.</summary>
    private static HashSet<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type) || type.Assembly == typeof(object).Assembly && !type.IsGenericType)
            {
                continue;
            }

            var next = type.GetGenericArguments()
                .Concat(type.HasElementType ? [type.GetElementType()!] : [])
                .Concat(type.Namespace?.StartsWith("LabSandbox", StringComparison.Ordinal) == true
                    ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType)
                    : []);
            foreach (var t in next)
            {
                queue.Enqueue(t);
            }
        }

        return seen;
    }
}
