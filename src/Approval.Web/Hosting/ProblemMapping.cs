using System.Text.Json;
using Approval.Engine;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Web.Hosting;

/// <summary>
/// Turns the engine's errors into RFC 7807 problem details: bad input → 400 naming the field (every field at once when
/// several are wrong), forbidden → 403, unknown → 404, no longer possible → 409, an Idempotency-Key reused for another
/// request → 422. Anything else stays a 500 and is logged by the framework. Titles and the edge's messages follow the
/// request's language (<see cref="ProblemText"/>).
/// </summary>
public sealed partial class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // A browser's page request gets the Chinese error page instead (Components/PageHosting).
        if (Components.PageHosting.WantsPage(http)) return false;
        ProblemDetails? problem = exception switch
        {
            InvalidInputException e => Invalid(e),
            BadHttpRequestException e => Unreadable(e),
            ForbiddenException e => new ProblemDetails { Status = 403, Title = ProblemText.ForbiddenTitle, Detail = e.Message },
            NotFoundException e => new ProblemDetails { Status = 404, Title = ProblemText.NotFoundTitle, Detail = e.Message },
            ConflictException e => new ProblemDetails { Status = 409, Title = ProblemText.ConflictTitle, Detail = e.Message },
            IdempotencyKeyReusedException => new ProblemDetails { Status = 422, Title = ProblemText.KeyReusedTitle, Detail = ProblemText.KeyReused },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Malformed JSON, a value of the wrong kind, a missing body: name the JSON path the parser stopped at, in words
    /// of the request's language, never the framework's message (which names our internal types).
    /// </summary>
    private static ValidationProblemDetails Unreadable(BadHttpRequestException e)
    {
        var json = e.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "body";
        string message;
        if (json is InputJsonException ours) message = ours.Message;
        else if (json is not null) message = ProblemText.WrongType;
        // 413 (too large) and 415 (not JSON) say so plainly.
        else if (e.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType) message = e.Message;
        // The binder's own words name the parameter with its CLR type: keep the name, say the rest ourselves.
        else if (BinderParameter().Match(e.Message) is { Success: true } bad)
            (field, message) = (bad.Groups["name"].Value, bad.Groups["value"].Success ? ProblemText.NotAValue(bad.Groups["value"].Value) : ProblemText.Required);
        else message = ProblemText.RequiredBody;
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field == "" ? "body" : field] = [message] })
        {
            Status = e.StatusCode, Title = ProblemText.UnreadableTitle, Detail = message,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^(?:Failed to bind|Required) parameter "[^"]*?(?<name>\w+)"(?: from "(?<value>.*)")?""")]
    private static partial System.Text.RegularExpressions.Regex BinderParameter();

    private static ValidationProblemDetails Invalid(InvalidInputException e)
    {
        var all = e is InvalidInputsException many ? many.Errors : [e];
        var errors = all.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
        var problem = new ValidationProblemDetails(errors) { Status = 400, Title = ProblemText.InvalidTitle, Detail = e.Message };
        problem.Extensions["field"] = e.Field;
        if (e is InvalidProjectCodeException code) problem.Extensions["segment"] = code.Error.Segment;
        return problem;
    }
}
