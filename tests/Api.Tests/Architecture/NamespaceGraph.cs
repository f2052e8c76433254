using Mono.Cecil;
using Mono.Cecil.Cil;

namespace LabSandbox.Api.Tests.Architecture;

/// <summary>
/// Which namespace of an assembly uses which, read from IL with Mono.Cecil (the reader NetArchTest itself
/// uses): signatures, attributes, base types and every type or member a method body touches. Nested and
/// compiler-generated types (closures, async state machines) count for the namespace that declares them.
/// </summary>
public sealed class NamespaceGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    /// <summary>The graph among the namespaces of <paramref name="assemblyPath"/> that start with <paramref name="prefix"/>.</summary>
    public static NamespaceGraph Read(string assemblyPath, string prefix)
    {
        var graph = new NamespaceGraph();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var targets = graph.NodeFor(from);
            foreach (var used in UsedTypes(type))
            {
                var to = NamespaceOf(used);
                if (to != from && to.StartsWith(prefix, StringComparison.Ordinal))
                {
                    targets.Add(to);
                    graph.NodeFor(to);
                }
            }
        }

        return graph;
    }

    /// <summary>Every cycle's namespaces (strongly connected components of more than one namespace), each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm, iterative enough for a few dozen namespaces.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in _edges[node])
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    private SortedSet<string> NodeFor(string ns) =>
        _edges.TryGetValue(ns, out var set) ? set : _edges[ns] = new SortedSet<string>(StringComparer.Ordinal);

    private static string NamespaceOf(TypeReference type)
    {
        while (type is TypeSpecification spec)
        {
            type = spec.ElementType;
        }

        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        if (type.BaseType is { } baseType)
        {
            foreach (var t in Expand(baseType)) yield return t;
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType))) yield return t;
        foreach (var t in Attributes(type)) yield return t;
        foreach (var t in type.Fields.SelectMany(f => Expand(f.FieldType).Concat(Attributes(f)))) yield return t;
        foreach (var t in type.Properties.SelectMany(p => Expand(p.PropertyType).Concat(Attributes(p)))) yield return t;
        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(Attributes(method))) yield return t;
            foreach (var t in method.Parameters.SelectMany(p => Expand(p.ParameterType).Concat(Attributes(p)))) yield return t;
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType))) yield return t;
            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in Operand(instruction)) yield return t;
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.HasCustomAttributes ? provider.CustomAttributes.SelectMany(a => Expand(a.AttributeType)) : [];

    /// <summary>The type itself plus every type argument of a generic instance (List&lt;RunSpec&gt; uses RunSpec).</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        var element = type;
        while (element is TypeSpecification spec and not GenericInstanceType)
        {
            element = spec.ElementType;
        }

        if (element is GenericInstanceType generic)
        {
            foreach (var t in generic.GenericArguments.SelectMany(Expand)) yield return t;
        }
    }
}
