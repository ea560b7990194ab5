using System.Reflection;
using System.Text.Json;
using Approval.Engine.Activities;
using Approval.Engine.Journal;
using Approval.Web.Components.Shared;

namespace Approval.Web.Tests.Pages;

/// <summary>Pages name every journal event and outcome in Chinese, with the engine's one label, whatever the case of its code.</summary>
public sealed class ChineseTermsTests
{
    public static TheoryData<string> Events() => [.. Names(typeof(JournalEvents))];
    public static TheoryData<string> OutcomeNames() => [.. Names(typeof(Outcomes))];

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_journal_event_has_the_engines_chinese_label_in_either_case(string name)
    {
        var label = ChineseTerms.Event(name);
        Assert.Equal(label, ChineseTerms.Event(JsonNamingPolicy.CamelCase.ConvertName(name)));
        Assert.DoesNotContain(label, char.IsAsciiLetter);
        Assert.Equal(JournalEvents.Label(name), label);
    }

    [Theory]
    [MemberData(nameof(OutcomeNames))]
    public void Every_outcome_has_the_engines_chinese_label_in_either_case(string name)
    {
        var label = ChineseTerms.Outcome(name);
        Assert.Equal(label, ChineseTerms.Outcome(JsonNamingPolicy.CamelCase.ConvertName(name)));
        Assert.DoesNotContain(label, char.IsAsciiLetter);
        Assert.Equal(Outcomes.Label(name), label);
    }

    private static IEnumerable<string> Names(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
