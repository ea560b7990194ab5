namespace Approval.Engine.ProjectCodes;

/// <summary>
/// The check digit this engine puts on codes it issues itself: the Luhn digit of the 19 digits before it.
/// </summary>
/// <remarks>
/// This is our own choice, NOT the GB/T 40058 §4.7 校验码 algorithm, which is not in our sources. It catches single
/// wrong digits and most swapped neighbours in local codes; it says nothing about codes the platform issued.
/// </remarks>
internal static class LocalCheckDigit
{
    public static char Compute(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>True when a code's last character is the local check digit of its other digits.</summary>
    public static bool Matches(ProjectCode code)
    {
        if (code.IsEmpty || code.Format != ProjectCodeFormat.Current) return false;
        var digits = code.Value.Replace("-", "").AsSpan();
        var payload = digits[..^1];
        return !payload.ContainsAnyExceptInRange('0', '9') && Compute(payload) == digits[^1];
    }
}
