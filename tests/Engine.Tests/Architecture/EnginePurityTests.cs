using System.Reflection;
using LabSandbox.Grains.Engine.ArchitectureControl;
using LabSandbox.Grains.Engine.Bracket;
using LabSandbox.Grains.Interfaces.Datasets;
using NetArchTest.Rules;

namespace LabSandbox.Engine.Tests.Architecture;

/// <summary>
/// The engine (<c>LabSandbox.Grains.Engine*</c>) depends on the BCL and itself only: no Orleans, no grain contracts, no
/// other grain namespace, nothing from <c>Microsoft.*</c>. The checker reads IL, so method bodies count.
/// </summary>
public sealed class EnginePurityTests
{
    private const string EngineNamespace = "LabSandbox.Grains.Engine";

    private static readonly Assembly GrainsAssembly = typeof(BracketCompiler).Assembly;

    /// <summary>The engine's areas; a new one should be added here so the rule is seen to cover it.</summary>
    private static readonly string[] EngineAreas =
    [
        EngineNamespace,
        $"{EngineNamespace}.Advancement",
        $"{EngineNamespace}.Bracket",
        $"{EngineNamespace}.Experiments",
        $"{EngineNamespace}.Fields",
        $"{EngineNamespace}.MarketShare",
        $"{EngineNamespace}.Optimizer",
        $"{EngineNamespace}.Simulation",
    ];

    [Fact]
    public void Engine_types_depend_on_nothing_but_the_BCL_and_the_engine()
    {
        var result = EngineRule(Types.InAssembly(GrainsAssembly));

        Assert.True(result.IsSuccessful, "Engine types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_every_engine_namespace_and_type()
    {
        var checkedTypes = EngineTypes(Types.InAssembly(GrainsAssembly)).GetTypes().ToList();
        var checkedNames = checkedTypes.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(EngineAreas, checkedTypes.Select(t => t.Namespace!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(PublicEngineTypes(), t => Assert.Contains(t.FullName!, checkedNames));
    }

    [Fact]
    public void The_rule_forbids_grain_namespaces_outside_the_engine()
    {
        Assert.Contains("LabSandbox.Grains.Interfaces", ForbiddenNamespaces());
        Assert.Contains("LabSandbox.Grains.Common", ForbiddenNamespaces());
        Assert.Contains("LabSandbox.Grains.Runs", ForbiddenNamespaces());
        Assert.Contains(typeof(LabSandbox.Grains.RunKindRegistration).FullName!, ForbiddenNamespaces());
        Assert.DoesNotContain(ForbiddenNamespaces(), ns => IsEngineNamespace(ns));
    }

    [Fact]
    public void The_same_rule_fails_for_engine_types_that_reach_outside_the_BCL()
    {
        // Positive control: the identical rule over the test assembly, whose only types in an engine namespace are
        // impure: one uses a grain contract and Orleans, the other a package that no list names (only "System" and
        // the engine are allowed, so it fails too).
        var result = EngineRule(Types.InAssembly(typeof(ImpureEngineControl).Assembly));

        Assert.False(result.IsSuccessful);
        Assert.Equal(
            [typeof(ImpureEngineControl).FullName!, typeof(ThirdPartyEngineControl).FullName!],
            result.FailingTypeNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_engine_type_is_an_Orleans_serialized_contract()
    {
        Assert.True(IsOrleansSerialized(typeof(TournamentTeam)), "the check must recognise a contract record");
        Assert.DoesNotContain(EngineTypes(Types.InAssembly(GrainsAssembly)).GetTypes(), IsOrleansSerialized);
    }

    /// <summary>
    /// The compiler's constant data for array literals, emitted into the engine's own assembly in the global
    /// namespace (the leading dot is that empty namespace). The checker already ignores the other global
    /// compiler-generated types (<c>&lt;&gt;y__InlineArray…</c>, <c>&lt;&gt;z__ReadOnlyList…</c>).
    /// </summary>
    private static readonly string[] CompilerGenerated = [".<PrivateImplementationDetails>"];

    private static TestResult EngineRule(Types types) =>
        EngineTypes(types)
            .Should().NotHaveDependencyOnAny([.. ForbiddenNamespaces()])
            .And().OnlyHaveDependenciesOn(["System", EngineNamespace, .. CompilerGenerated])
            .GetResult();

    private static PredicateList EngineTypes(Types types) =>
        types.That().ResideInNamespaceMatching(@"^LabSandbox\.Grains\.Engine(\..*)?$");

    /// <summary>
    /// Orleans, Microsoft, the contracts, and every grain namespace that is not the engine (found, not listed).
    /// The checker matches by prefix, so a namespace enclosing the engine (the assembly's root, which composes the
    /// run kinds) is forbidden type by type rather than as a whole.
    /// </summary>
    private static IReadOnlyList<string> ForbiddenNamespaces() =>
    [
        "Orleans",
        "OrleansCodeGen",
        "Microsoft",
        "LabSandbox.Grains.Interfaces",
        .. GrainsAssembly.GetTypes()
            .Where(t => t.Namespace is { } ns && ns.StartsWith("LabSandbox.", StringComparison.Ordinal) && !IsEngineNamespace(ns))
            .Select(t => EnclosesEngine(t.Namespace!) ? t.FullName! : t.Namespace!)
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    private static bool EnclosesEngine(string ns) => EngineNamespace.StartsWith(ns + ".", StringComparison.Ordinal);

    private static bool IsEngineNamespace(string ns) =>
        ns == EngineNamespace || ns.StartsWith(EngineNamespace + ".", StringComparison.Ordinal);

    private static IEnumerable<Type> PublicEngineTypes() =>
        GrainsAssembly.GetExportedTypes().Where(t => !t.IsNested && t.Namespace is { } ns && IsEngineNamespace(ns));

    private static bool IsOrleansSerialized(Type type) =>
        type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "Orleans.GenerateSerializerAttribute");
}
