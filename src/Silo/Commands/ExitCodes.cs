namespace LabSandbox.Silo.Commands;

/// <summary>
/// The exit codes every command shares, so scripts can tell a bad command line (fix the call) from a failed
/// operation (look at the database or the logs).
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;
}
