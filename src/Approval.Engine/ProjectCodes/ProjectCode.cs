using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Approval.Engine.ProjectCodes;

/// <summary>
/// A fixed-asset investment project code (投资项目统一代码), syntactically valid, in either format.
/// </summary>
/// <remarks>
/// <para>A value exists only through <see cref="Parse"/> or <see cref="TryParse(string?, out ProjectCode, out ProjectCodeError?)"/>,
/// so a non-empty code has passed every segment check. <c>default(ProjectCode)</c> is <see cref="IsEmpty"/>: its
/// <see cref="Value"/> is <c>""</c>, its <see cref="Format"/> is no defined member and it has no segments.</para>
/// <para>Syntax only: the national platform's check character (GB/T 40058 §4.7) is not public in our sources and is
/// not verified here. Whether the platform really issued a code is for an <see cref="IProjectCodeVerifier"/>.</para>
/// <para>Equality and order are ordinal on the normalised <see cref="Value"/>. JSON carries the code as its string.</para>
/// </remarks>
[JsonConverter(typeof(ProjectCodeJsonConverter))]
public readonly record struct ProjectCode : IComparable<ProjectCode>, IParsable<ProjectCode>
{
    private readonly string? _value;
    private readonly IReadOnlyList<ProjectCodeSegment>? _segments;

    private ProjectCode(string value, ProjectCodeFormat format, ProjectCodeSegment[] segments)
    {
        _value = value;
        Format = format;
        _segments = Array.AsReadOnly(segments);
    }

    /// <summary>The canonical 24-character text, e.g. <c>2509-320193-89-01-544060</c>; <c>""</c> when <see cref="IsEmpty"/>.</summary>
    public string Value => _value ?? "";

    /// <summary>Legacy (年份代码 first) or current (时间代码 first).</summary>
    public ProjectCodeFormat Format { get; }

    /// <summary>The segments in order: five for legacy, six for current (the random code and check character apart).</summary>
    public IReadOnlyList<ProjectCodeSegment> Segments => _segments ?? [];

    /// <summary>True only for <c>default(ProjectCode)</c>, which is not a code.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Reads a code after safe normalisation (see remarks on the type).</summary>
    /// <exception cref="InvalidProjectCodeException">The text is not a valid code; the error names the segment.</exception>
    public static ProjectCode Parse(string? text) =>
        TryParse(text, out var code, out var error) ? code : throw new InvalidProjectCodeException(error);

    /// <summary>Reads a code, or says which segment is wrong and why.</summary>
    /// <remarks>
    /// Normalised: white space at either end (including U+3000 and NBSP), full-width digits, dash look-alikes.
    /// Refused with a message: inner spaces, lower-case letters, letters for digits, anything else.
    /// </remarks>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProjectCode code, [NotNullWhen(false)] out ProjectCodeError? error)
    {
        error = ProjectCodeReader.Read(text, out var value, out var format, out var segments);
        code = error is null ? new ProjectCode(value, format, segments) : default;
        return error is null;
    }

    /// <summary>Reads a code without the reason; this shape is what minimal-API route binding looks for.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProjectCode code) => TryParse(text, out code, out _);

    static ProjectCode IParsable<ProjectCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ProjectCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ProjectCode result) =>
        TryParse(s, out result);

    /// <summary>The segment with the given id (see <see cref="ProjectCodeSegmentNames"/>), or null if this format has none.</summary>
    public ProjectCodeSegment? Segment(string name) => Segments.FirstOrDefault(s => s.Name == name);

    /// <summary>Equal when the normalised texts are equal (ordinal).</summary>
    public bool Equals(ProjectCode other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Ordinal order of <see cref="Value"/>; the empty code sorts first.</summary>
    public int CompareTo(ProjectCode other) => string.CompareOrdinal(_value, other._value);

    /// <summary>The <see cref="Value"/>.</summary>
    public override string ToString() => Value;
}
