using System.Text.RegularExpressions;

namespace Approval.Engine.Runtime;

/// <summary>
/// A contact telephone number (联系电话) given at filing: a mainland mobile number (11 digits starting 13–19, an
/// optional +86 in front) or a landline with its area code (010-12345678, 0512-1234567, an optional extension -123).
/// </summary>
/// <remarks>
/// Spaces and the +86 prefix are dropped so that the window calls the number as written on a form; a landline keeps
/// the hyphen after its area code because area codes are three or four digits and cannot be told apart without it.
/// </remarks>
public static partial class ContactPhone
{
    /// <summary>The number as stored (spaces removed, +86 dropped), or false when it is neither a mobile nor a landline number.</summary>
    public static bool TryNormalize(string? given, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(given)) return false;
        var compact = given.Replace(" ", "").Replace("\u3000", "");
        var mobile = Mobile().Match(compact);
        if (mobile.Success)
        {
            normalized = mobile.Groups["number"].Value;
            return true;
        }
        if (!Landline().IsMatch(compact)) return false;
        normalized = compact;
        return true;
    }

    /// <summary>The message for a number <see cref="TryNormalize"/> refused.</summary>
    public static string Expected(string given) =>
        $"Expected a mobile number (11 digits, e.g. 13812345678) or a landline with its area code (e.g. 025-83123456); given '{given}'.";

    [GeneratedRegex(@"^(?:\+?86-?)?(?<number>1[3-9][0-9]{9})$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?:-[0-9]{1,6})?$")]
    private static partial Regex Landline();
}
