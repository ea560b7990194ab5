using Approval.Engine.Definitions;

namespace Approval.Engine.Tests.Definitions;

internal static class ProblemAssertions
{
    /// <summary>The refusal names exactly this one problem: nothing else was reported along with it.</summary>
    public static void HasOnly(this DefinitionValidationException refusal, string file, string jsonPath, string fragment)
    {
        if (refusal.Problems.Count != 1)
            Assert.Fail($"expected only {file}: {jsonPath}: …{fragment}…, got {refusal.Problems.Count}:\n{refusal.Message}");
        refusal.Has(file, jsonPath, fragment);
    }

    /// <summary>The refusal names this problem, maybe among consequences of the same mistake.</summary>
    public static void Has(this DefinitionValidationException refusal, string file, string jsonPath, string fragment)
    {
        if (!refusal.Problems.Any(p => p.File == file && p.JsonPath == jsonPath && p.Message.Contains(fragment, StringComparison.Ordinal)))
            Assert.Fail($"expected {file}: {jsonPath}: …{fragment}…, got:\n{refusal.Message}");
    }
}
