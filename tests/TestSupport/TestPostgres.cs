namespace LabSandbox.TestSupport;

/// <summary>
/// The PostgreSQL server the test command started, schema applied to its database. Missing is a
/// failure, never a skip: a green run without a database would prove nothing about durability.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "LABSANDBOX_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: these tests need PostgreSQL. Run ./scripts/test.sh, " +
                $"or set {EnvironmentVariable}=\"Host=127.0.0.1;Port=N;Username=postgres;Database=labsandbox_test\".");
}
