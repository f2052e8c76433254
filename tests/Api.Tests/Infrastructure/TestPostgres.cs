namespace LabSandbox.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL the test command started (schema applied). Missing is a failure, never a skip:
/// these tests prove the durable providers.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "LABSANDBOX_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the suite with ./scripts/test.sh, which starts a throwaway PostgreSQL and applies the schema.");
}
