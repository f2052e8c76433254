namespace LabSandbox.Persistence.Tests.Infrastructure;

/// <summary>
/// The query keys of the Orleans 10.4.2 ADO.NET providers and the parameters each one binds,
/// transcribed from /work/shared/notes/orleans-adonet-postgres-contract.md (sections 2.3, 3.3, 4.2).
/// A query text may use only these names: an unbound @Name is left in the SQL and fails at run time.
/// </summary>
public static class ContractKeys
{
    private static readonly string[] StorageKey =
        ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId"];

    private static readonly string[] Silo = ["DeploymentId", "Address", "Port", "Generation"];

    public static readonly IReadOnlyDictionary<string, string[]> Clustering = new Dictionary<string, string[]>
    {
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["MembershipReadRowKey"] = Silo,
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["UpdateIAmAlivetimeKey"] = [.. Silo, "IAmAliveTime"],
        // 10.4.2 does not bind SuspectTimes on insert.
        ["InsertMembershipKey"] =
            [.. Silo, "IAmAliveTime", "SiloName", "HostName", "StartTime", "Status", "ProxyPort", "Version"],
        ["UpdateMembershipKey"] = [.. Silo, "IAmAliveTime", "Status", "SuspectTimes", "Version"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
    };

    /// <summary>Optional in 10.4.2, but this schema ships it (the provider prefers it when present).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ClusteringOptional = new Dictionary<string, string[]>
    {
        ["CleanupDefunctSiloEntryKey"] = [.. Silo, "SuspectTimes", "StartTime", "IAmAliveTime"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Persistence = new Dictionary<string, string[]>
    {
        ["ReadFromStorageKey"] = StorageKey,
        ["WriteToStorageKey"] = [.. StorageKey, "GrainStateVersion", "PayloadBinary"],
        ["ClearStorageKey"] = [.. StorageKey, "GrainStateVersion"],
        ["DeleteStorageKey"] = [.. StorageKey, "GrainStateVersion"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> Reminders = new Dictionary<string, string[]>
    {
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
    };

    /// <summary>Every key this schema must ship, with its bound parameters.</summary>
    public static IEnumerable<KeyValuePair<string, string[]>> All =>
        Clustering.Concat(ClusteringOptional).Concat(Persistence).Concat(Reminders);
}
