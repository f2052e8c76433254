using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Grains.Runs.Abstractions;

/// <summary>Either a spec or the problems found, by field name (camelCase, as in the request).</summary>
public sealed record RunPlan(RunSpec? Spec, IReadOnlyDictionary<string, string[]> Errors)
{
    public static RunPlan Valid(RunSpec spec) => new(spec, new Dictionary<string, string[]>());

    public static RunPlan Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
