using System.Text;

namespace Approval.Engine.ProjectCodes;

/// <summary>The only clean-up applied to a typed or pasted project code (项目代码) before it is checked.</summary>
/// <remarks>
/// Only changes that cannot turn one code into another are made: white space at the ends (including
/// U+3000 ideographic space, NBSP and zero-width characters that web pages carry), full-width digits
/// (０–９, typed with a Chinese input method) and dash look-alikes (－ ‐ ‑ ‒ – — − ﹣). Case is not folded and
/// inner spaces or look-alike letters (O for 0) are left for the checks to reject with a message.
/// The katakana ー is not a dash and is left alone.
/// </remarks>
internal static class ProjectCodeText
{
    public static string Normalise(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsEdgeSpace(text[start])) start++;
        while (end > start && IsEdgeSpace(text[end - 1])) end--;

        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
            builder.Append(Map(text[i]));
        return builder.ToString();
    }

    /// <summary>How a character is shown in a message: itself, plus its code point when it is not plain ASCII.</summary>
    public static string Show(char c) =>
        c is >= '!' and <= '~' ? $"'{c}'" : $"'{c}' (U+{(int)c:X4})";

    private static bool IsEdgeSpace(char c) => char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';

    private static char Map(char c) => c switch
    {
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '\uFF0D' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' => '-',
        _ => c,
    };
}
