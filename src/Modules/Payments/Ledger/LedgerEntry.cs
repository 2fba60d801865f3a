using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// A posted entry: balanced lines recording one money movement. Entries are append-only: nothing updates or deletes
/// them (<see cref="IAppendOnly"/>); a mistake is corrected by another entry.
/// </summary>
internal sealed class LedgerEntry : IAppendOnly
{
    public LedgerEntryId Id { get; init; }

    /// <summary>The movement recorded, unique: <c>invoice:{id}</c>, <c>payment:{id}</c>, <c>payout:{id}</c>…</summary>
    public required string SourceKey { get; init; }

    /// <summary><c>invoice</c>, <c>credit-note</c>, <c>payment</c>, <c>refund</c>, <c>payout</c>, <c>payout-return</c>, <c>fx</c>, <c>adjustment</c>.</summary>
    public required string Kind { get; init; }

    public required string EntityCode { get; init; }

    /// <summary>When the movement happened (the invoice's finalization, the payment's value date): the trial balance's as-of filter.</summary>
    public DateTimeOffset EffectiveAt { get; init; }

    /// <summary>When the entry was written.</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public required string Description { get; init; }

    public required string Actor { get; init; }

    public List<LedgerLine> Lines { get; init; } = [];
}

/// <summary>One side of one account in an entry, in the account's currency. Exactly one of the amounts is positive.</summary>
internal sealed class LedgerLine : IAppendOnly
{
    public Guid Id { get; init; }

    public LedgerEntryId EntryId { get; init; }

    public int LineNumber { get; init; }

    /// <summary>Copied from the entry so the trial balance groups and filters lines without a join.</summary>
    public required string EntityCode { get; init; }

    public DateTimeOffset EffectiveAt { get; init; }

    public Contracts.Payments.LedgerAccountType Account { get; init; }

    /// <summary>The buyer, seller or jurisdiction the account belongs to; empty for operator-wide accounts.</summary>
    public required string Subject { get; init; }

    public required string Currency { get; init; }

    public long DebitMinor { get; init; }

    public long CreditMinor { get; init; }

    public string? Memo { get; init; }
}
