using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// Posts balanced entries, once per source key. The checks run before anything is written, so a refused entry changes
/// nothing; the entry and its lines are written in one transaction.
/// </summary>
internal sealed class LedgerPosting(TradewindDbContext db, TimeProvider clock, LedgerQueries queries) : ILedgerPosting
{
    public const int MaxSourceKeyLength = 200;

    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal)
    {
        "invoice", "credit-note", "payment", "refund", "payout", "payout-return", "fx", "adjustment",
    };

    public async Task<LedgerEntryDto> PostAsync(NewLedgerEntry entry, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Check(entry);
        if (await queries.FindBySourceAsync(entry.SourceKey, cancellationToken) is { } posted)
        {
            return posted;
        }

        var id = LedgerEntryId.New(clock);
        var row = new LedgerEntry
        {
            Id = id,
            SourceKey = entry.SourceKey,
            Kind = entry.Kind,
            EntityCode = entry.EntityCode,
            EffectiveAt = entry.EffectiveAt.ToUniversalTime(),
            RecordedAt = clock.GetUtcNow(),
            Description = entry.Description.Trim(),
            Actor = actor,
            Lines = entry.Lines.Select((line, index) => new LedgerLine
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                EntryId = id,
                LineNumber = index + 1,
                EntityCode = entry.EntityCode,
                EffectiveAt = entry.EffectiveAt.ToUniversalTime(),
                Account = line.Account,
                Subject = line.Subject?.Trim() ?? "",
                Currency = line.Amount.Currency.Code,
                DebitMinor = line.Side == LedgerSide.Debit ? line.Amount.MinorUnits : 0,
                CreditMinor = line.Side == LedgerSide.Credit ? line.Amount.MinorUnits : 0,
                Memo = string.IsNullOrWhiteSpace(line.Memo) ? null : line.Memo.Trim(),
            }).ToList(),
        };

        try
        {
            await db.InTransactionAsync(
                async ct =>
                {
                    db.Add(row);
                    await db.SaveChangesAsync(ct);
                    return true;
                },
                cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // A concurrent poster recorded the same movement first (the source key is unique): its entry stands.
            db.ChangeTracker.Clear();
            return await queries.FindBySourceAsync(entry.SourceKey, cancellationToken)
                ?? throw new InvalidOperationException($"The ledger entry {entry.SourceKey} could not be written.");
        }

        return LedgerQueries.ToDto(row);
    }

    /// <summary>Refuses an entry that is malformed or does not balance in every currency.</summary>
    public static void Check(NewLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.SourceKey) || entry.SourceKey.Length > MaxSourceKeyLength)
        {
            throw Invalid($"An entry needs a source key of 1 to {MaxSourceKeyLength} characters.");
        }

        if (!Kinds.Contains(entry.Kind))
        {
            throw Invalid($"'{entry.Kind}' is not an entry kind; use one of {string.Join(", ", Kinds)}.");
        }

        if (string.IsNullOrWhiteSpace(entry.EntityCode))
        {
            throw Invalid("An entry belongs to one operator entity: give its code.");
        }

        if (string.IsNullOrWhiteSpace(entry.Description) || entry.Description.Length > 500)
        {
            throw Invalid("Describe the entry in 1 to 500 characters.");
        }

        if (entry.Lines is not { Count: >= 2 })
        {
            throw Invalid($"Entry {entry.SourceKey} needs at least two lines.");
        }

        foreach (var (line, index) in entry.Lines.Select((l, i) => (l, i + 1)))
        {
            if (line.Amount.MinorUnits <= 0)
            {
                throw Invalid($"Line {index} of {entry.SourceKey} posts {line.Amount.ToMajorString()} {line.Amount.Currency.Code}: every line posts a positive amount to one side.");
            }

            var hasSubject = !string.IsNullOrWhiteSpace(line.Subject);
            if (LedgerAccounts.HasSubject(line.Account) != hasSubject)
            {
                throw Invalid(hasSubject
                    ? $"Line {index} of {entry.SourceKey}: a {line.Account.ToWire()} account has no subject."
                    : $"Line {index} of {entry.SourceKey}: a {line.Account.ToWire()} account needs its subject (buyer, seller or jurisdiction).");
            }
        }

        foreach (var currency in entry.Lines.GroupBy(l => l.Amount.Currency.Code, StringComparer.Ordinal))
        {
            var debits = currency.Where(l => l.Side == LedgerSide.Debit).Sum(l => l.Amount.MinorUnits);
            var credits = currency.Where(l => l.Side == LedgerSide.Credit).Sum(l => l.Amount.MinorUnits);
            if (debits != credits)
            {
                var unit = Currency.FromCode(currency.Key);
                throw new DomainException(
                    "ledger-entry-unbalanced",
                    string.Create(CultureInfo.InvariantCulture, $"Entry {entry.SourceKey} does not balance in {currency.Key}: debits {Money.FromMinor(debits, unit).ToMajorString()}, credits {Money.FromMinor(credits, unit).ToMajorString()}."),
                    DomainErrorKind.Rule);
            }
        }
    }

    private static DomainException Invalid(string message) => new("ledger-entry-invalid", message, DomainErrorKind.Rule);
}
