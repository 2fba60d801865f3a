namespace Tradewind.Accounts.Peppol;

/// <summary>Settings under <c>Accounts:Peppol</c>: where the operator allocates electronic addresses for buyers without one.</summary>
internal sealed class PeppolAddressOptions
{
    public const string Section = "Accounts:Peppol";

    /// <summary>
    /// The operator's GS1 company prefix (6 to 12 digits). Buyers without a Peppol address of their own get a GLN under
    /// it; <c>null</c> allocates none. The shipped settings use <c>0614141</c>, the prefix GS1 reserves for examples:
    /// an operator replaces it with its own.
    /// </summary>
    public string? Gs1CompanyPrefix { get; set; }

    /// <summary>
    /// The first location reference given to a buyer; the numbers below it stay for the operator's own locations (the
    /// entities' GLNs). With a 7-digit prefix, 50000 leaves 50,000 buyer addresses.
    /// </summary>
    public long FirstBuyerLocationReference { get; set; } = 50_000;
}
