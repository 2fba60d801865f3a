using System.Globalization;

namespace Tradewind.Billing.Invoices;

/// <summary>Decimal text for documents and the API: invariant, at most ten decimals (rounded half away from zero), no trailing zeros.</summary>
internal static class Decimals
{
    public static string Format(decimal value) =>
        decimal.Round(value, 10, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture);
}
