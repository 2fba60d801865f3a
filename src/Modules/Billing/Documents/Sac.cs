using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Documents;

/// <summary>
/// India's Services Accounting Code for a line (CGST Rules, rule 46: a tax invoice names the SAC of each service).
/// A six-digit tax code starting with 99 is taken as it is; Tradewind's product tax codes map to 998315
/// (hosting and IT infrastructure provisioning, which covers software as a service) and 998314 (IT design and
/// development services).
/// </summary>
internal static class Sac
{
    public static string? TryGet(InvoiceLineDto line)
    {
        var code = line.TaxCode?.Trim() ?? string.Empty;
        if (code.Length == 6 && code.StartsWith("99", StringComparison.Ordinal) && code.All(char.IsAsciiDigit))
        {
            return code;
        }

        if (!line.Tax.Jurisdiction.StartsWith("IN", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return code switch
        {
            "professional_services" => "998314",
            _ => "998315",
        };
    }
}
