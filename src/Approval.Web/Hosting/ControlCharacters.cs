using Approval.Engine;

namespace Approval.Web.Hosting;

/// <summary>
/// Refuses control characters at the edge, naming the field: PostgreSQL cannot store U+0000 at all, and no field of
/// Approval means a control character. Text bodies may hold tab and line breaks (comments, notices, reasons); query
/// values, route values and headers may not.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The first control character other than tab and line breaks, if any.</summary>
    public static char? InText(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return c;
        return null;
    }

    /// <summary>The first control character of a one-line value, if any.</summary>
    public static char? InLine(string value)
    {
        foreach (var c in value)
            if (char.IsControl(c)) return c;
        return null;
    }

    /// <summary>Refuses a one-line value with a control character (400 naming <paramref name="field"/>).</summary>
    public static string RequireLine(string value, string field) =>
        InLine(value) is { } c ? throw new InvalidInputException(field, ProblemText.ControlCharacter(c)) : value;

    /// <summary>
    /// Checks the path and every query parameter before any endpoint reads them; a value the tracking, login or
    /// calendar endpoints would pass on to the database is refused here once for all.
    /// </summary>
    public static async Task RejectInUrlAsync(HttpContext http, Func<Task> next)
    {
        if (http.Request.Path.Value is { } path && InLine(path) is { } p)
            throw new InvalidInputException("path", ProblemText.ControlCharacter(p));
        foreach (var (name, values) in http.Request.Query)
        {
            RequireLine(name, "query");
            foreach (var value in values)
                if (value is not null) RequireLine(value, name);
        }
        await next();
    }
}
