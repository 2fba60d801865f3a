namespace Tradewind.Payments.BankCollections;

/// <summary>Settings under <c>Payments:BankCollections</c>.</summary>
internal sealed class BankCollectionOptions
{
    public const string Section = "Payments:BankCollections";

    /// <summary>
    /// Calendar days between the buyer's pre-notification and the collection date. The SEPA Core rulebook's default is
    /// 14 days unless the creditor and debtor agree otherwise; at least 1.
    /// </summary>
    public int PreNotificationDays { get; set; } = 14;
}
