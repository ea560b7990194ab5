using System.Globalization;

namespace Approval.Web.Hosting;

/// <summary>
/// The one catalogue of the messages the API's edge writes into problems, in English (the default) and Simplified
/// Chinese for requests with <c>Accept-Language: zh-CN</c> (the request localization middleware sets the culture).
/// </summary>
/// <remarks>
/// Messages say what was expected and what was given, never the name of an internal type. Refusals that the engine
/// words itself (a state that does not allow a command, a rule of a definition) keep its English detail.
/// </remarks>
public static class ProblemText
{
    /// <summary>The cultures a caller can ask for; the first is the default.</summary>
    public static readonly string[] Cultures = ["en", "zh-CN", "zh-Hans", "zh"];

    private static bool Chinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    private static string T(string english, string chinese) => Chinese ? chinese : english;

    public static string InvalidTitle => T("One or more inputs are invalid.", "输入有误。");
    public static string UnreadableTitle => T("The request could not be read.", "请求无法读取。");
    public static string ForbiddenTitle => T("Not allowed.", "无权操作。");
    public static string NotFoundTitle => T("Not found.", "未找到。");
    public static string ConflictTitle => T("Not possible in the current state.", "当前状态下不能办理。");
    public static string KeyReusedTitle => T("Idempotency-Key already used for another request.", "幂等键已用于另一请求。");

    public static string KeyReused => T(
        "This Idempotency-Key was already used for another request (another action, target or body); send a new key for a new request.",
        "此 Idempotency-Key 已用于另一请求（不同的操作、对象或内容）；新的请求请使用新的键。");

    public static string Required => T("Required.", "必填。");
    public static string RequiredText => T("Required: a non-empty text.", "必填：请填写文字。");
    public static string RequiredItem => T("Required: at least one item.", "必填：至少一项。");
    public static string RequiredValue(string expected) => T($"Required: {expected}.", "必填。");
    public static string RequiredBody => T("Required: a JSON body.", "必填：请求正文（JSON）。");
    public static string TooLong(int max, int given) => T($"At most {max} characters; given {given}.", $"最多 {max} 个字符；实际 {given} 个。");

    public static string ControlCharacter(char c) => T(
        $"Contains the control character U+{(int)c:X4}, which text here may not hold.",
        $"含有控制字符 U+{(int)c:X4}，此处的文字不能包含。");

    public static string NotADate(string given) => T(
        $"'{given}' is not a date that exists, written yyyy-MM-dd (e.g. 2024-10-08).",
        $"“{given}”不是有效日期，格式为 yyyy-MM-dd（如 2024-10-08）。");

    public static string DateOutOfRange(string given, string first, string last) => T(
        $"'{given}' is outside the dates Approval handles ({first} to {last}).",
        $"“{given}”超出系统可处理的日期范围（{first} 至 {last}）。");

    public static string NotAnInstant(string given) => T(
        $"'{given}' is not an ISO-8601 UTC instant (e.g. 2024-10-08T01:30:00Z).",
        $"“{given}”不是 ISO-8601 UTC 时刻（如 2024-10-08T01:30:00Z）。");

    public static string NotAValue(string given) => T(
        $"'{given}' is not a value this parameter takes.", $"“{given}”不是此参数可取的值。");

    public static string WrongType => T(
        "The value is not of the expected kind (text, number, true/false, list or object) or the JSON is malformed.",
        "值的类型不符（文字、数字、真/假、列表或对象），或 JSON 格式有误。");

    public static string UnreadableUpload(long maxBytes) => T(
        $"The upload could not be read: the multipart form is malformed or ended early (the limit is {maxBytes:N0} bytes per file).",
        $"上传内容无法读取：表单格式有误或提前中断（每个文件最多 {maxBytes:N0} 字节）。");
}
