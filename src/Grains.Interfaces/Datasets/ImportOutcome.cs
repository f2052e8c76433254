namespace LabSandbox.Grains.Interfaces.Datasets;

/// <summary>What an import did: created the dataset, found it unchanged (no write), or replaced it.</summary>
public enum ImportOutcome
{
    Created,
    Unchanged,
    Replaced,
}
