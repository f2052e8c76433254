namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// A request the API refuses before any handler runs (a body that is too large, not UTF-8, too deep, or holds a
/// string no JSON reader can decode). Its message is written for the client and becomes the problem's detail;
/// <see cref="Field"/>, when set, names the offending field as a validation problem does.
/// </summary>
public sealed class ClientInputException(string message, int statusCode = StatusCodes.Status400BadRequest, string? field = null)
    : BadHttpRequestException(message, statusCode)
{
    public string? Field { get; } = field;
}
