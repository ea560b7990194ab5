using Approval.Engine;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Hosting;

/// <summary>
/// Turns the engine's errors into RFC 7807 problem details: bad input → 400 naming the field, forbidden → 403,
/// unknown → 404, no longer possible → 409. Anything else stays a 500 and is logged by the framework.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // A browser's page request gets the Chinese error page instead (Components/PageHosting).
        if (Components.PageHosting.WantsPage(http)) return false;
        ProblemDetails? problem = exception switch
        {
            InvalidInputException e => Invalid(e),
            BadHttpRequestException e => Unreadable(e),
            ForbiddenException e => new ProblemDetails { Status = 403, Title = "Not allowed.", Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = "Not found.", Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = "Not possible in the current state.", Detail = e.Message },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Malformed JSON or a value of the wrong type: name the JSON path the parser stopped at.</summary>
    private static ValidationProblemDetails Unreadable(BadHttpRequestException e)
    {
        var json = e.InnerException as System.Text.Json.JsonException;
        var field = json?.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "body";
        var message = json?.InnerException?.Message ?? json?.Message ?? e.Message;
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field == "" ? "body" : field] = [message] })
        {
            Status = e.StatusCode, Title = "The request could not be read.", Detail = message,
        };
    }

    private static ValidationProblemDetails Invalid(InvalidInputException e)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
        {
            Status = 400, Title = "One or more inputs are invalid.", Detail = e.Message,
        };
        problem.Extensions["field"] = e.Field;
        if (e is InvalidProjectCodeException code) problem.Extensions["segment"] = code.Error.Segment;
        return problem;
    }
}
