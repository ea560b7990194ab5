using Approval.Engine.ProjectCodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

/// <summary>Project codes (投资项目统一代码) over HTTP: check a code, see its segments, and whether this system issued it.</summary>
public static class ProjectCodeApi
{
    /// <summary>One segment of a code.</summary>
    public sealed record SegmentResponse(string Value, string Meaning);

    /// <summary>A valid code, its format and segments.</summary>
    public sealed record ProjectCodeResponse(string Code, bool Valid, ProjectCodeFormat Format,
        IReadOnlyDictionary<string, SegmentResponse> Segments, bool LocallyIssued, ProjectCodeVerification Verification);

    public static IEndpointRouteBuilder MapProjectCodeApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/project-codes").WithTags("Project codes").AllowAnonymous()
            .MapGet("/{code}", Check)
            .WithSummary("Validate a project code; a 400 problem names the wrong segment");
        return routes;
    }

    private static async Task<Ok<ProjectCodeResponse>> Check(string code, IProjectCodeVerifier verifier,
        IIssuedProjectCodeStore issued, CancellationToken ct)
    {
        var parsed = ProjectCode.Parse(code);
        var verification = await verifier.VerifyAsync(parsed, ct);
        var segments = parsed.Segments.ToDictionary(s => s.Name, s => new SegmentResponse(s.Value, s.Meaning));
        return TypedResults.Ok(new ProjectCodeResponse(parsed.Value, true, parsed.Format, segments,
            await issued.IsLocallyIssuedAsync(parsed, ct), verification));
    }
}
