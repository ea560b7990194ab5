namespace Approval.Engine.ProjectCodes;

/// <summary>Why a text is not a project code (项目代码), naming the segment the user has to correct.</summary>
/// <param name="Segment">A segment id from <see cref="ProjectCodeSegmentNames"/>, or <c>code</c> for the whole code.</param>
/// <param name="Message">The reason in English, with what was expected (e.g. <c>month 13 does not exist (expected 01–12)</c>).</param>
/// <param name="Given">The offending segment's text, or the whole (normalised) text for <c>code</c>; null when empty.</param>
public sealed record ProjectCodeError(string Segment, string Message, string? Given)
{
    /// <summary>
    /// The full sentence, e.g. <c>segment 'yearMonth' (时间代码): month 13 does not exist (expected 01–12), given '2013'</c>.
    /// </summary>
    public override string ToString()
    {
        var term = ProjectCodeSegmentNames.TermFor(Segment);
        if (Segment == ProjectCodeSegmentNames.Code)
            return Given is null ? $"project code ({term}): {Message}" : $"project code ({term}) '{Given}': {Message}";
        return Given is null
            ? $"segment '{Segment}' ({term}): {Message}"
            : $"segment '{Segment}' ({term}): {Message}, given '{Given}'";
    }
}
