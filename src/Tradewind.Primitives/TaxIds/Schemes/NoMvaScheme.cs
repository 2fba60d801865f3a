using static Tradewind.Primitives.TaxIds.CheckDigits;

namespace Tradewind.Primitives.TaxIds.Schemes;

/// <summary>
/// Norwegian VAT number: "NO" + the 9-digit organisation number + "MVA". Prefix and suffix may be left
/// out; the stored value is "NO" + the 9 digits and <see cref="Display"/> adds "MVA".
/// </summary>
/// <remarks>
/// Organisation number check (Brønnøysund Register Centre; python-stdnum no/orgnr): weights 3,2,7,6,5,4,3,2
/// on the first 8 digits and 1 on the check digit; the total is ≡ 0 mod 11.
/// </remarks>
internal sealed class NoMvaScheme : TaxIdScheme
{
    public override string ExpectedFormat => "A Norwegian VAT number is NO followed by the 9-digit organisation number and MVA.";

    public override SchemeOutcome Check(string compact)
    {
        var body = compact.StartsWith("NO", StringComparison.Ordinal) ? compact[2..] : compact;
        if (body.EndsWith("MVA", StringComparison.Ordinal))
        {
            body = body[..^3];
        }

        if (body.Length != 9 || !IsDigits(body))
        {
            return SchemeOutcome.BadFormat();
        }

        return SchemeOutcome.Checked(WeightedSum(body, [3, 2, 7, 6, 5, 4, 3, 2, 1]) % 11 == 0, TaxIdKind.NoMva, "NO" + body);
    }

    public override string Display(TaxIdKind kind, string value) =>
        $"NO {value[2..5]} {value[5..8]} {value[8..]} MVA";
}
