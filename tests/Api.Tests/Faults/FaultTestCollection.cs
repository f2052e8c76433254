using Xunit;

namespace LabSandbox.Api.Tests.Faults;

/// <summary>
/// Fault tests kill silo processes and restart PostgreSQL: they run alone, never beside another test that
/// uses the same database server or needs the cores for its own timing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultTestCollection
{
    public const string Name = "Fault tests (run alone)";
}
