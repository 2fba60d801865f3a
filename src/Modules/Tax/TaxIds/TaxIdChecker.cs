using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.TaxIds;

namespace Tradewind.Tax.TaxIds;

/// <summary>
/// Checks a buyer's tax id: format and check digits with <see cref="TaxId"/> (tax.md §8), then, if one is
/// configured, the registry (VIES-style). No registry is configured by default. A registry that cannot answer
/// (down, timed out, country not covered) leaves <see cref="TaxIdCheckDto.Registered"/> null and the format check
/// stands: accept provisionally, re-check later (tax.md §1.3: VIES is intermittent).
/// </summary>
internal sealed class TaxIdChecker(IEnumerable<ITaxIdRegistry> registries)
{
    private readonly ITaxIdRegistry? _registry = registries.FirstOrDefault();

    public async Task<TaxIdCheckDto> CheckAsync(string country, string value, CancellationToken cancellationToken)
    {
        if (!CountryCode.TryParse(country?.Trim().ToUpperInvariant(), out var code))
        {
            return new TaxIdCheckDto(false, null, null, $"'{country}' is not an ISO 3166-1 alpha-2 country code.", null, null);
        }

        // The non-Union OSS identification number (EU + 9 digits) is not a national VAT number (tax.md §1.3).
        if (value is not null && value.Trim().StartsWith("EU", StringComparison.OrdinalIgnoreCase) && code.Value != "EU")
        {
            var compact = new string(value.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
            if (compact.Length == 11 && compact[2..].All(char.IsAsciiDigit))
            {
                return new TaxIdCheckDto(false, null, null, "EU + 9 digits is a non-Union OSS identification number, not a business's VAT number.", null, null);
            }
        }

        var result = TaxId.Validate(code, value);
        if (!result.IsValid)
        {
            return new TaxIdCheckDto(false, null, null, result.Reason, null, null);
        }

        var taxId = result.TaxId;
        var type = TypeName(taxId.Kind);
        if (_registry is null)
        {
            return new TaxIdCheckDto(true, taxId.Value, type, null, null, null);
        }

        TaxIdRegistryAnswer? answer;
        try
        {
            answer = await _registry.CheckAsync(code.Value, taxId.Value, cancellationToken);
        }
        catch (HttpRequestException)
        {
            answer = null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            answer = null;
        }

        return answer is null
            ? new TaxIdCheckDto(true, taxId.Value, type, null, null, null)
            : new TaxIdCheckDto(answer.Registered, taxId.Value, type, answer.Registered ? null : $"{answer.Registry} has no registration for {taxId.Value}.", answer.Registered, answer.Registry);
    }

    /// <summary>The wire name of a tax id kind: snake case, stable ("eu_vat", "au_abn", "jp_qualified_invoice_issuer").</summary>
    public static string TypeName(TaxIdKind kind) => kind switch
    {
        TaxIdKind.EuVat => "eu_vat",
        TaxIdKind.GbVat => "gb_vat",
        TaxIdKind.ChUid => "ch_uid",
        TaxIdKind.NoMva => "no_mva",
        TaxIdKind.IsVsk => "is_vsk",
        TaxIdKind.AuAbn => "au_abn",
        TaxIdKind.NzIrd => "nz_ird",
        TaxIdKind.JpCorporateNumber => "jp_corporate_number",
        TaxIdKind.JpQualifiedInvoiceIssuer => "jp_qualified_invoice_issuer",
        TaxIdKind.KrBrn => "kr_brn",
        TaxIdKind.InGstin => "in_gstin",
        TaxIdKind.SgUen => "sg_uen",
        TaxIdKind.SgGst => "sg_gst",
        TaxIdKind.CaBn => "ca_bn",
        TaxIdKind.TwUbn => "tw_ubn",
        TaxIdKind.UsEin => "us_ein",
        TaxIdKind.BrCnpj => "br_cnpj",
        TaxIdKind.MxRfc => "mx_rfc",
        TaxIdKind.ClRut => "cl_rut",
        TaxIdKind.CoNit => "co_nit",
        TaxIdKind.TrVkn => "tr_vkn",
        TaxIdKind.IlCompanyNumber => "il_company_number",
        TaxIdKind.SaVat => "sa_vat",
        TaxIdKind.AeTrn => "ae_trn",
        TaxIdKind.ZaVat => "za_vat",
        TaxIdKind.IdNpwp => "id_npwp",
        _ => "unknown",
    };
}
