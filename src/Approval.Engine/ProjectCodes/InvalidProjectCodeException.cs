namespace Approval.Engine.ProjectCodes;

/// <summary>A text that is not a valid project code (投资项目统一代码); the field is always <c>code</c>.</summary>
/// <remarks>The message names the segment and the reason, see <see cref="ProjectCodeError.ToString"/>.</remarks>
public sealed class InvalidProjectCodeException(ProjectCodeError error)
    : InvalidInputException(ProjectCodeSegmentNames.Code, error.ToString())
{
    /// <summary>The structured reason, for clients that highlight the wrong segment.</summary>
    public ProjectCodeError Error { get; } = error;
}
