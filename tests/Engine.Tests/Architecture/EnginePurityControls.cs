using LabSandbox.Grains.Interfaces.Datasets;

// Live only in the test assembly: "engine" types that break the purity rule on purpose, so
// EnginePurityTests can show that the rule fails when it should.
namespace LabSandbox.Grains.Engine.ArchitectureControl;

internal static class ImpureEngineControl
{
    /// <summary>Reads a grain contract (an Orleans-serialized record) and names an Orleans type.</summary>
    public static string TeamIdOf(TournamentTeam team) => team.TeamId + typeof(Orleans.IGrainFactory).Name;
}

/// <summary>Names a type from a package outside the BCL that no forbidden list mentions (xunit).</summary>
internal static class ThirdPartyEngineControl
{
    public static string Name => typeof(Xunit.FactAttribute).Name;
}
