using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Payments;

/// <summary>
/// The kinds of account in the operator's double-entry ledger. An account is one kind for one operator entity and one
/// currency, and for some kinds one subject: the buyer (receivables, refunds), the seller entity (payables) or the tax
/// jurisdiction (tax payable). Assets have debit balances; liabilities and revenue credit balances.
/// </summary>
public enum LedgerAccountType
{
    /// <summary>What a buyer owes on finalized invoices (asset; subject: the buyer).</summary>
    BuyerReceivable,

    /// <summary>Money collected and not yet reconciled to the bank statement, or paid out and not yet debited (asset).</summary>
    CashClearing,

    /// <summary>What the operator owes a seller entity: its net proceeds less the listing fee (liability; subject: the seller).</summary>
    SellerPayable,

    /// <summary>The marketplace's listing fee (revenue).</summary>
    FeeRevenue,

    /// <summary>Tax collected for a jurisdiction and not yet remitted (liability; subject: the jurisdiction, e.g. <c>DE</c>, <c>US-WA</c>).</summary>
    TaxPayable,

    /// <summary>
    /// The currency position of a conversion: an invoice charged in EUR for a USD listing credits EUR here and debits
    /// USD here, so each currency balances on its own.
    /// </summary>
    FxClearing,

    /// <summary>Realised exchange differences and conversion rounding (revenue or expense).</summary>
    FxGainLoss,

    /// <summary>Money owed back to a buyer after a credit note on a paid invoice, until it is refunded (liability; subject: the buyer).</summary>
    Refunds,
}

/// <summary>The wire names of the account kinds: <c>buyer-receivable</c>, <c>seller-payable</c>…</summary>
public static class LedgerAccountTypes
{
    private static readonly Dictionary<LedgerAccountType, string> Names = new()
    {
        [LedgerAccountType.BuyerReceivable] = "buyer-receivable",
        [LedgerAccountType.CashClearing] = "cash-clearing",
        [LedgerAccountType.SellerPayable] = "seller-payable",
        [LedgerAccountType.FeeRevenue] = "fee-revenue",
        [LedgerAccountType.TaxPayable] = "tax-payable",
        [LedgerAccountType.FxClearing] = "fx-clearing",
        [LedgerAccountType.FxGainLoss] = "fx-gain-loss",
        [LedgerAccountType.Refunds] = "refunds",
    };

    public static string ToWire(this LedgerAccountType type) => Names[type];

    /// <summary>The account number in the chart: assets 1xxx, liabilities 2xxx, revenue 4xxx.</summary>
    public static string Number(this LedgerAccountType type) => type switch
    {
        LedgerAccountType.BuyerReceivable => "1100",
        LedgerAccountType.CashClearing => "1200",
        LedgerAccountType.FxClearing => "1900",
        LedgerAccountType.SellerPayable => "2100",
        LedgerAccountType.TaxPayable => "2200",
        LedgerAccountType.Refunds => "2300",
        LedgerAccountType.FeeRevenue => "4100",
        LedgerAccountType.FxGainLoss => "4900",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a ledger account type."),
    };
}

/// <summary>Which side of an account a line posts to.</summary>
public enum LedgerSide
{
    Debit,

    Credit,
}

/// <summary>One line of an entry to post: an amount on one side of one account.</summary>
/// <remarks><c>Subject</c>: required for buyer receivables, refunds, seller payables and tax payable; empty for the others.</remarks>
public sealed record NewLedgerLine(LedgerAccountType Account, string? Subject, LedgerSide Side, Money Amount, string? Memo = null);

/// <summary>
/// An entry to post: balanced lines (debits equal credits in every currency) for one operator entity. <c>SourceKey</c>
/// names the money movement it records (<c>invoice:{id}</c>, <c>payment:{id}</c>…) and makes posting idempotent: the
/// same key posts once.
/// </summary>
public sealed record NewLedgerEntry(string SourceKey, string Kind, string EntityCode, DateTimeOffset EffectiveAt, string Description, IReadOnlyList<NewLedgerLine> Lines);

/// <summary>A posted line. Exactly one of <c>Debit</c> and <c>Credit</c> is non-zero.</summary>
public sealed record LedgerLineDto(string AccountCode, LedgerAccountType Account, string Subject, string Currency, Money Debit, Money Credit, string? Memo);

/// <summary>A posted entry: append-only, never changed or deleted (a mistake is corrected by a reversing entry).</summary>
public sealed record LedgerEntryDto(
    LedgerEntryId Id,
    string SourceKey,
    string Kind,
    string EntityCode,
    DateTimeOffset EffectiveAt,
    DateTimeOffset RecordedAt,
    string Description,
    string Actor,
    IReadOnlyList<LedgerLineDto> Lines);

/// <summary>Which entries to list: by entity, kind, source key prefix (e.g. <c>invoice:</c>), account subject, currency.</summary>
public sealed record LedgerEntryFilter(string? EntityCode = null, string? Kind = null, string? SourcePrefix = null, string? Subject = null, string? Currency = null);

/// <summary>The debits and credits of one currency over every account selected: always equal.</summary>
public sealed record TrialBalanceCurrency(string Currency, Money Debits, Money Credits);

/// <summary>
/// One account's totals. <c>Balance</c> is debits minus credits (positive for assets, negative for liabilities and
/// revenue).
/// </summary>
public sealed record TrialBalanceAccount(string EntityCode, string AccountCode, LedgerAccountType Account, string Subject, string Currency, Money Debits, Money Credits, Money Balance);

/// <summary>The trial balance of the entries effective at or before <c>AsOf</c>.</summary>
public sealed record TrialBalance(DateTimeOffset AsOf, string? EntityCode, string? Currency, IReadOnlyList<TrialBalanceCurrency> Currencies, IReadOnlyList<TrialBalanceAccount> Accounts);

/// <summary>Reads of the ledger (operator reports, seller statements).</summary>
public interface ILedgerQueries
{
    /// <summary>Totals per account and per currency for entries effective at or before <paramref name="asOf"/>.</summary>
    Task<TrialBalance> GetTrialBalanceAsync(string? entityCode, string? currency, DateTimeOffset asOf, CancellationToken cancellationToken);

    /// <summary>Posted entries, newest first.</summary>
    Task<Page<LedgerEntryDto>> ListEntriesAsync(LedgerEntryFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>One entry, or null.</summary>
    Task<LedgerEntryDto?> FindEntryAsync(LedgerEntryId id, CancellationToken cancellationToken);

    /// <summary>The entry recorded for a money movement, or null.</summary>
    Task<LedgerEntryDto?> FindBySourceAsync(string sourceKey, CancellationToken cancellationToken);
}

/// <summary>
/// Posts balanced entries. Payments posts the money movements it sees (finalized invoices and credit notes,
/// payments, refunds, payouts, conversions); the web host may post an operator's manual adjustment.
/// </summary>
public interface ILedgerPosting
{
    /// <summary>
    /// Posts <paramref name="entry"/> in one transaction, or returns the entry already posted under its source key.
    /// Refuses with <c>ledger-entry-unbalanced</c> when debits and credits differ in any currency, and with
    /// <c>ledger-entry-invalid</c> for any other bad line (no amount, a missing subject, fewer than two lines).
    /// </summary>
    Task<LedgerEntryDto> PostAsync(NewLedgerEntry entry, string actor, CancellationToken cancellationToken);
}
