using LabSandbox.Grains.Interfaces.Datasets;

namespace LabSandbox.Grains.Datasets;

[GenerateSerializer]
public sealed class TournamentState
{
    [Id(0)] public TournamentSnapshot? Snapshot { get; set; }
}

[GenerateSerializer]
public sealed class CalcuttaState
{
    [Id(0)] public CalcuttaSnapshot? Snapshot { get; set; }
}

[GenerateSerializer]
public sealed class DatasetCatalogState
{
    [Id(0)] public List<string> TournamentIds { get; set; } = [];

    [Id(1)] public List<string> CalcuttaIds { get; set; } = [];
}
