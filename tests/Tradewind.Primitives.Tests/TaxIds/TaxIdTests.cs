using CsCheck;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Tests;

namespace Tradewind.Primitives.TaxIds.Tests;

public sealed class TaxIdTests
{
    private static readonly CountryCode Germany = CountryCode.Parse("DE");

    // Schemes whose check digit catches every single-digit substitution: mod 97 (BE), Luhn (IT, SE, CA, IL),
    // ISO 7064 MOD 11,10 (DE, HR) and mod 11 with weights that are all non-zero mod 11 (DK, PL, SK, NO, CH),
    // and mod 89 (AU). Schemes that fold two remainders into one digit (PT, SI) or accept several
    // remainders (GB: 0, 42, 55) do not, and are left out.
    private static readonly HashSet<string> SingleDigitErrorSchemes =
        new(StringComparer.Ordinal) { "BE", "IT", "SE", "CA", "IL", "DE", "HR", "DK", "PL", "SK", "NO", "CH", "AU" };

    [Theory]
    [InlineData("DE 136 695 976")]
    [InlineData("de136695976")]
    [InlineData("  DE-136.695.976 ")]
    [InlineData("DE 136/695/976")]
    [InlineData("136695976")]
    [InlineData("136\u2013695\u2014976")]
    public void Spaces_dots_dashes_slashes_case_and_a_missing_prefix_are_normalised(string input)
    {
        var taxId = TaxId.Parse(Germany, input);

        Assert.Equal("DE136695976", taxId.Value);
        Assert.Equal("DE136695976", taxId.ToString());
        Assert.Equal(TaxIdKind.EuVat, taxId.Kind);
        Assert.Equal(Germany, taxId.Country);
    }

    [Fact]
    public void A_VAT_number_with_another_member_states_prefix_is_refused()
    {
        var result = TaxId.Validate(Germany, "FR136695976");

        Assert.False(result.IsValid);
        Assert.Equal(TaxIdValidationCodes.Format, result.Code);
        Assert.Equal("A German VAT number is DE followed by 9 digits. FR is not the prefix of German VAT numbers.", result.Reason);
    }

    [Fact]
    public void A_non_Union_OSS_number_is_not_a_national_VAT_number()
    {
        var result = TaxId.Validate(CountryCode.Parse("LU"), "EU372000052");

        Assert.Equal(TaxIdValidationCodes.Format, result.Code);
        Assert.Contains("non-Union OSS", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DE", "DE12345", "A German VAT number is DE followed by 9 digits.")]
    [InlineData("AT", "AT12345678", "An Austrian VAT number is AT followed by U and 8 digits.")]
    [InlineData("NL", "NL123456789", "A Dutch VAT number is NL followed by 9 digits, B and 2 digits.")]
    [InlineData("AU", "1234", "An Australian Business Number (ABN) is 11 digits.")]
    [InlineData("JP", "T12345", "A Japanese corporate number is 13 digits; a qualified invoice issuer number is T followed by 13 digits.")]
    [InlineData("GB", "GB12345", "A UK VAT number is GB (XI in Northern Ireland) followed by 9 digits, 12 digits for a branch, or GD or HA and 3 digits.")]
    public void A_badly_formed_id_is_refused_with_a_reason_naming_the_format(string country, string input, string reason)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), input);

        Assert.Equal(TaxIdValidationCodes.Format, result.Code);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void A_mistyped_check_digit_is_refused_as_such_and_the_reason_still_names_the_format()
    {
        var result = TaxId.Validate(Germany, "DE 136 695 977");

        Assert.Equal(TaxIdValidationCodes.CheckDigit, result.Code);
        Assert.Equal(
            "The check digit of DE136695977 does not match, so a character is probably mistyped. A German VAT number is DE followed by 9 digits.",
            result.Reason);
    }

    [Theory]
    [InlineData("AD")]
    [InlineData("RU")]
    [InlineData("LI")]
    [InlineData("CN")]
    public void A_country_without_a_known_scheme_is_reported_as_such(string country)
    {
        var result = TaxId.Validate(CountryCode.Parse(country), "123456789");

        Assert.False(result.IsValid);
        Assert.Equal(TaxIdValidationCodes.UnknownCountryScheme, result.Code);
        Assert.Contains(country, result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - . / ")]
    public void Nothing_entered_is_reported_as_empty(string? input)
    {
        var result = TaxId.Validate(Germany, input);

        Assert.Equal(TaxIdValidationCodes.Empty, result.Code);
        Assert.Contains("A German VAT number is DE followed by 9 digits.", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EL094249481")]
    [InlineData("094249481")]
    [InlineData("el 094 249 481")]
    [InlineData("GR094249481")]
    public void A_Greek_VAT_number_is_stored_with_the_EL_prefix_for_country_GR(string input)
    {
        var taxId = TaxId.Parse(CountryCode.Parse("GR"), input);

        Assert.Equal("EL094249481", taxId.Value);
        Assert.Equal("GR", taxId.Country.Value);
    }

    [Theory]
    [InlineData("CH", "CHE-432.825.998 TVA", "CHE432825998", "CHE-432.825.998 MWST", TaxIdKind.ChUid)]
    [InlineData("NO", "965 920 358 MVA", "NO965920358", "NO 965 920 358 MVA", TaxIdKind.NoMva)]
    [InlineData("GB", "GB 242338087388", "GB242338087388", "GB 242 3380 87 388", TaxIdKind.GbVat)]
    [InlineData("GB", "XI 980 7806 84", "XI980780684", "XI 980 7806 84", TaxIdKind.GbVat)]
    [InlineData("AU", "51824753556", "51824753556", "51 824 753 556", TaxIdKind.AuAbn)]
    [InlineData("NZ", "NZ 49-098-576", "049098576", "049-098-576", TaxIdKind.NzIrd)]
    [InlineData("JP", "5-8356-7825-6246", "5835678256246", "5-8356-7825-6246", TaxIdKind.JpCorporateNumber)]
    [InlineData("JP", "T5835678256246", "T5835678256246", "T5835678256246", TaxIdKind.JpQualifiedInvoiceIssuer)]
    [InlineData("KR", "1168200276", "1168200276", "116-82-00276", TaxIdKind.KrBrn)]
    [InlineData("CA", "12302 6635 RC 0001", "123026635RC0001", "123026635 RC0001", TaxIdKind.CaBn)]
    [InlineData("BR", "61882613000194", "61882613000194", "61.882.613/0001-94", TaxIdKind.BrCnpj)]
    [InlineData("CL", "76001215-7", "760012157", "76.001.215-7", TaxIdKind.ClRut)]
    [InlineData("CO", "900,206,480-2", "9002064802", "900.206.480-2", TaxIdKind.CoNit)]
    [InlineData("US", "12-3456789", "123456789", "12-3456789", TaxIdKind.UsEin)]
    [InlineData("BE", "BE 430 973 770", "BE0430973770", "BE0430973770", TaxIdKind.EuVat)]
    [InlineData("NL", "NL123456789B13", "NL123456789B13", "NL123456789B13", TaxIdKind.EuVat)]
    public void Each_scheme_stores_a_canonical_value_and_prints_the_conventional_form(
        string country, string input, string value, string display, TaxIdKind kind)
    {
        var taxId = TaxId.Parse(CountryCode.Parse(country), input);

        Assert.Equal(value, taxId.Value);
        Assert.Equal(display, taxId.Display);
        Assert.Equal(kind, taxId.Kind);
    }

    [Fact]
    public void Parse_throws_with_the_reason_and_TryParse_returns_false()
    {
        var error = Assert.Throws<FormatException>(() => TaxId.Parse(Germany, "DE12345"));

        Assert.Equal("A German VAT number is DE followed by 9 digits.", error.Message);
        Assert.False(TaxId.TryParse(Germany, "DE12345", out var taxId));
        Assert.Equal(default, taxId);
        Assert.False(TaxId.TryParse(Germany, null, out _));
    }

    [Fact]
    public void A_refused_result_has_no_tax_id()
    {
        var result = TaxId.Validate(Germany, "DE12345");

        Assert.Throws<InvalidOperationException>(() => result.TaxId);
    }

    [Fact]
    public void Tax_ids_obey_the_value_laws()
    {
        ValueLaws.Equality(
            TaxId.Parse(Germany, "DE136695976"),
            TaxId.Parse(Germany, "136 695 976"),
            TaxId.Parse(Germany, "DE111111125"));
    }

    [Fact]
    public void Default_tax_id_holds_no_value()
    {
        var unset = default(TaxId);

        Assert.Throws<InvalidOperationException>(() => unset.Value);
        Assert.Throws<InvalidOperationException>(() => unset.Display);
        Assert.Equal(string.Empty, unset.ToString());
        Assert.Equal(TaxIdKind.None, unset.Kind);
    }

    [Theory]
    [InlineData("SA", "300000000000003", true)]
    [InlineData("SA", "300000000000004", false)]
    [InlineData("AE", "100123456700003", true)]
    [InlineData("AE", "200123456700003", false)]
    [InlineData("ZA", "4123456789", true)]
    [InlineData("ZA", "5123456789", false)]
    [InlineData("IS", "12345", true)]
    [InlineData("MX", "GODE561231GR8", true)]
    [InlineData("MX", "GODE561331GR8", false)]
    [InlineData("ID", "01.312.166.0-091.000", true)]
    [InlineData("ID", "01.312.166.1-091.000", false)]
    [InlineData("SG", "M90312345X", true)]
    [InlineData("US", "00-1234567", false)]
    public void Schemes_with_format_rules_only_check_the_shape(string country, string input, bool valid)
    {
        Assert.Equal(valid, TaxId.Validate(CountryCode.Parse(country), input).IsValid);
    }

    [Fact]
    public void Changing_one_digit_of_a_valid_id_is_refused_where_the_check_digit_catches_single_errors()
    {
        var ids = TaxIdVectors.AllValid
            .Where(row => SingleDigitErrorSchemes.Contains(row.Country))
            .Select(row => TaxId.Parse(CountryCode.Parse(row.Country), row.Vector))
            .Distinct()
            .ToArray();

        Gen.Select(Gen.OneOf(ids), Gen.Int[0, 1000], Gen.Int[1, 9]).Sample((taxId, pick, shift) =>
        {
            // Only digits covered by the check: a Canadian program account ("RT0001") is not.
            var covered = taxId.Kind == TaxIdKind.CaBn ? 9 : taxId.Value.Length;
            var positions = Enumerable.Range(0, covered).Where(i => char.IsAsciiDigit(taxId.Value[i])).ToArray();
            var position = positions[pick % positions.Length];
            var chars = taxId.Value.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + shift) % 10));

            return !TaxId.Validate(taxId.Country, new string(chars)).IsValid;
        });
    }
}
