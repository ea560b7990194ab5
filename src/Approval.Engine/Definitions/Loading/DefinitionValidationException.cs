namespace Approval.Engine.Definitions;

/// <summary>The workflows directory was refused (定义校验失败); it lists every problem found, not just the first.</summary>
public sealed class DefinitionValidationException : Exception
{
    /// <summary>Creates the exception; its message has one problem per line.</summary>
    public DefinitionValidationException(IReadOnlyList<DefinitionProblem> problems)
        : base(string.Join('\n', problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
