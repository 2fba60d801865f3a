using System.Collections.Frozen;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Billing.Documents;

/// <summary>
/// Names and GST state codes of Indian states and union territories, for the place of supply an Indian tax invoice
/// must print with the state's name (CGST Rules, rule 46). The region may be written "KA", "IN-KA" or already as a name.
/// </summary>
internal static class IndianStates
{
    private static readonly FrozenDictionary<string, (string Name, string GstCode)> States = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
    {
        ["AP"] = ("Andhra Pradesh", "37"),
        ["AS"] = ("Assam", "18"),
        ["BR"] = ("Bihar", "10"),
        ["CH"] = ("Chandigarh", "04"),
        ["CT"] = ("Chhattisgarh", "22"),
        ["DL"] = ("Delhi", "07"),
        ["GA"] = ("Goa", "30"),
        ["GJ"] = ("Gujarat", "24"),
        ["HR"] = ("Haryana", "06"),
        ["HP"] = ("Himachal Pradesh", "02"),
        ["JH"] = ("Jharkhand", "20"),
        ["JK"] = ("Jammu and Kashmir", "01"),
        ["KA"] = ("Karnataka", "29"),
        ["KL"] = ("Kerala", "32"),
        ["MH"] = ("Maharashtra", "27"),
        ["MP"] = ("Madhya Pradesh", "23"),
        ["OR"] = ("Odisha", "21"),
        ["PB"] = ("Punjab", "03"),
        ["RJ"] = ("Rajasthan", "08"),
        ["TN"] = ("Tamil Nadu", "33"),
        ["TG"] = ("Telangana", "36"),
        ["UP"] = ("Uttar Pradesh", "09"),
        ["UT"] = ("Uttarakhand", "05"),
        ["WB"] = ("West Bengal", "19"),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>"Karnataka (29)"; the region as given when it is not a known code; the country code without a region.</summary>
    public static string Describe(PostalAddress address)
    {
        var region = address.Region?.Trim();
        if (string.IsNullOrEmpty(region))
        {
            return address.CountryCode.ToUpperInvariant();
        }

        var code = region.StartsWith("IN-", StringComparison.OrdinalIgnoreCase) ? region[3..] : region;
        return States.TryGetValue(code, out var state) ? $"{state.Name} ({state.GstCode})" : region;
    }
}
