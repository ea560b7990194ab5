using Approval.Engine.ProjectCodes;
using FsCheck;
using FsCheck.Fluent;

namespace Approval.Engine.Tests.ProjectCodes;

/// <summary>
/// Format → parse → format over generated codes (FsCheck): every code the parser accepts is its own canonical text,
/// and the ways a person types it (full-width digits, typographic dashes, spaces around) give the same code.
/// </summary>
public sealed class ProjectCodeRoundTripProperties
{
    private static readonly string[] Divisions = ["320193", "130202", "141124", "451421", "330327", "110105", "440305", "650102"];
    private static readonly char[] Dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFF0D'];

    /// <summary>Codes in the current format's shape (year-month, division, industry, type, serial) that the parser accepts.</summary>
    private static readonly Gen<ProjectCode> Codes =
        from year in Gen.Choose(17, 99)
        from month in Gen.Choose(1, 12)
        from division in Gen.Elements(Divisions)
        from industry in Gen.Choose(1, 99)
        from type in Gen.Choose(1, 9)
        from serial in Gen.Choose(0, 999_999)
        let text = $"{year:00}{month:00}-{division}-{industry:00}-{type:00}-{serial:000000}"
        where ProjectCode.TryParse(text, out _)
        select ProjectCode.Parse(text);

    /// <summary>A code as a person might type it: which digits are full-width, which dash, spaces around.</summary>
    public sealed record TypedCode(ProjectCode Code, bool[] FullWidth, int Dash, bool Padded)
    {
        public string Text
        {
            get
            {
                var chars = Code.Value.Select((c, i) => c == '-' ? Dashes[Dash % Dashes.Length]
                    : i < FullWidth.Length && FullWidth[i] ? (char)('０' + (c - '0')) : c);
                var text = new string([.. chars]);
                return Padded ? $"  {text}\u3000" : text;
            }
        }

        public override string ToString() => $"{Code.Value} typed as '{Text}'";
    }

    private static readonly Arbitrary<TypedCode> TypedCodes = Arb.From(
        from code in Codes
        from fullWidth in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), 24)
        from dash in Gen.Choose(0, Dashes.Length - 1)
        from padded in ArbMap.Default.GeneratorFor<bool>()
        select new TypedCode(code, fullWidth, dash, padded),
        // Shrinks towards the plain text: no full-width digit, the plain hyphen, no padding.
        typed => new[]
        {
            typed with { FullWidth = [] }, typed with { Dash = 0 }, typed with { Padded = false },
        }.Where(t => t != typed && (t.FullWidth.Length, t.Dash, t.Padded) != (typed.FullWidth.Length, typed.Dash, typed.Padded)));

    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true);

    [Fact]
    public void A_parsed_code_is_its_own_canonical_text() =>
        Check.One(Checks, Prop.ForAll(Arb.From(Codes), code =>
            ProjectCode.Parse(code.Value) == code && ProjectCode.Parse(code.ToString()).Value == code.Value
            && code.Format == ProjectCodeFormat.Current));

    [Fact]
    public void A_code_typed_with_full_width_digits_dashes_or_spaces_is_the_same_code() =>
        Check.One(Checks, Prop.ForAll(TypedCodes, typed =>
            ProjectCode.TryParse(typed.Text, out var parsed) && parsed == typed.Code && parsed.Value == typed.Code.Value));
}
