using Approval.Engine.ProjectCodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Approval.Engine.Tests.ProjectCodes;

/// <summary>
/// Format → parse → format over generated codes (FsCheck <c>[Property]</c>): every code the parser accepts is its own
/// canonical text, and the ways a person types it (full-width digits, typographic dashes, spaces around) give the same
/// code. A failure shrinks towards the plainest code (serial 0, industry and type 1, January 2017) typed plainly.
/// </summary>
[Properties(Arbitrary = new[] { typeof(ProjectCodeRoundTripProperties.Arbitraries) }, MaxTest = 2000, QuietOnSuccess = true)]
public sealed class ProjectCodeRoundTripProperties
{
    private static readonly string[] Divisions = ["320193", "130202", "141124", "451421", "330327", "110105", "440305", "650102"];
    private static readonly char[] Dashes = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFF0D'];

    /// <summary>A code in the current format's shape (year-month, division, industry, type, serial), formatted by hand.</summary>
    public sealed record CodeParts(int Year, int Month, string Division, int Industry, int Type, int Serial)
    {
        public string Text => $"{Year:00}{Month:00}-{Division}-{Industry:00}-{Type:00}-{Serial:000000}";
        public override string ToString() => Text;
    }

    /// <summary>A code as a person might type it: which digits are full-width, which dash, spaces around.</summary>
    public sealed record TypedCode(CodeParts Parts, bool[] FullWidth, int Dash, bool Padded)
    {
        public string Text
        {
            get
            {
                var chars = Parts.Text.Select((c, i) => c == '-' ? Dashes[Dash % Dashes.Length]
                    : i < FullWidth.Length && FullWidth[i] ? (char)('０' + (c - '0')) : c);
                var text = new string([.. chars]);
                return Padded ? $"  {text}\u3000" : text;
            }
        }

        public override string ToString() => $"{Parts.Text} typed as '{Text}'";
    }

    public static class Arbitraries
    {
        private static readonly Gen<CodeParts> Parts =
            from year in Gen.Choose(17, 99)
            from month in Gen.Choose(1, 12)
            from division in Gen.Elements(Divisions)
            from industry in Gen.Choose(1, 99)
            from type in Gen.Choose(1, 9)
            from serial in Gen.Choose(0, 999_999)
            select new CodeParts(year, month, division, industry, type, serial);

        /// <summary>Codes the parser accepts, shrinking one segment at a time towards the plainest valid code.</summary>
        public static Arbitrary<CodeParts> Codes() => Arb.From(Parts.Where(p => ProjectCode.TryParse(p.Text, out _)), ShrinkParts);

        /// <summary>Shrinks towards the plain text (no full-width digit, the plain hyphen, no padding), then the plain code.</summary>
        public static Arbitrary<TypedCode> TypedCodes() => Arb.From(
            from parts in Codes().Generator
            from fullWidth in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), 24)
            from dash in Gen.Choose(0, Dashes.Length - 1)
            from padded in ArbMap.Default.GeneratorFor<bool>()
            select new TypedCode(parts, fullWidth, dash, padded),
            typed => new[] { typed with { FullWidth = [] }, typed with { Dash = 0 }, typed with { Padded = false } }
                .Where(t => (t.FullWidth.Length, t.Dash, t.Padded) != (typed.FullWidth.Length, typed.Dash, typed.Padded))
                .Concat(ShrinkParts(typed.Parts).Select(p => typed with { Parts = p })));

        private static IEnumerable<CodeParts> ShrinkParts(CodeParts p) =>
            new[]
            {
                p with { Serial = 0 }, p with { Serial = p.Serial / 2 }, p with { Industry = 1 }, p with { Type = 1 },
                p with { Month = 1 }, p with { Year = 17 }, p with { Division = Divisions[0] },
            }.Where(s => s != p && ProjectCode.TryParse(s.Text, out _)).Distinct();
    }

    [Property]
    public void A_parsed_code_is_its_own_canonical_text(CodeParts parts)
    {
        var code = ProjectCode.Parse(parts.Text);

        Assert.Equal(parts.Text, code.Value);
        Assert.Equal(code, ProjectCode.Parse(code.ToString()));
        Assert.Equal(ProjectCodeFormat.Current, code.Format);
    }

    [Property]
    public void A_code_typed_with_full_width_digits_dashes_or_spaces_is_the_same_code(TypedCode typed)
    {
        Assert.True(ProjectCode.TryParse(typed.Text, out var parsed), $"'{typed.Text}' was refused");
        Assert.Equal(typed.Parts.Text, parsed.Value);
    }
}
