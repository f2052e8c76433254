using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LabSandbox.Api.Infrastructure.Hardening;

/// <summary>
/// Answers a request the server could not read (<see cref="BadHttpRequestException"/> below 500: our own
/// <see cref="ClientInputException"/>, Kestrel's body-size limit, a framework binding failure) with problem details.
/// Only our own messages reach the client: they were written for it; anything else gets a fixed sentence, so no
/// exception text leaks. Handled here, the exception is not logged as a server error (a bad request is not one).
/// </summary>
public sealed class ClientInputExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException { StatusCode: >= 400 and < 500 } bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = ProblemFor(bad), Exception = exception });
    }

    /// <summary>The problem for <paramref name="bad"/>: a validation problem naming the field when there is one.</summary>
    public static ProblemDetails ProblemFor(BadHttpRequestException bad)
    {
        var detail = bad is ClientInputException ? bad.Message : FixedDetail(bad.StatusCode);
        ProblemDetails problem = bad is ClientInputException { Field: { } field }
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            : new ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Title = TitleOf(bad.StatusCode);
        problem.Detail = detail;
        return problem;
    }

    private static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Invalid request",
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };

    private static string FixedDetail(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts.",
        StatusCodes.Status415UnsupportedMediaType => "The request body's content type is not accepted here.",
        _ => "The request could not be read.",
    };
}
