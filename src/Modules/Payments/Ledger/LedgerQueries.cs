using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Ledger;

/// <summary>Reads the ledger. Sums of whole minor units run in SQL (exact integers); nothing else is summed there.</summary>
internal sealed class LedgerQueries(TradewindDbContext db) : ILedgerQueries
{
    public async Task<TrialBalance> GetTrialBalanceAsync(string? entityCode, string? currency, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var at = asOf.ToUniversalTime();
        var lines = db.Set<LedgerLine>().AsNoTracking().Where(l => l.EffectiveAt <= at);
        if (!string.IsNullOrWhiteSpace(entityCode))
        {
            lines = lines.Where(l => l.EntityCode == entityCode);
        }

        if (!string.IsNullOrWhiteSpace(currency))
        {
            lines = lines.Where(l => l.Currency == currency);
        }

        var totals = await lines
            .GroupBy(l => new { l.EntityCode, l.Account, l.Subject, l.Currency })
            .Select(g => new { g.Key.EntityCode, g.Key.Account, g.Key.Subject, g.Key.Currency, Debits = g.Sum(l => l.DebitMinor), Credits = g.Sum(l => l.CreditMinor) })
            .ToListAsync(cancellationToken);

        var accounts = totals
            .Select(t =>
            {
                var unit = Currency.FromCode(t.Currency);
                return new TrialBalanceAccount(
                    t.EntityCode, LedgerAccounts.Code(t.Account, t.Subject), t.Account, t.Subject, t.Currency,
                    Money.FromMinor(t.Debits, unit), Money.FromMinor(t.Credits, unit), Money.FromMinor(t.Debits - t.Credits, unit));
            })
            .OrderBy(a => a.EntityCode, StringComparer.Ordinal)
            .ThenBy(a => a.Currency, StringComparer.Ordinal)
            .ThenBy(a => a.AccountCode, StringComparer.Ordinal)
            .ToList();
        var currencies = accounts
            .GroupBy(a => a.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var unit = Currency.FromCode(g.Key);
                return new TrialBalanceCurrency(g.Key, Money.FromMinor(g.Sum(a => a.Debits.MinorUnits), unit), Money.FromMinor(g.Sum(a => a.Credits.MinorUnits), unit));
            })
            .ToList();
        return new TrialBalance(at, string.IsNullOrWhiteSpace(entityCode) ? null : entityCode, string.IsNullOrWhiteSpace(currency) ? null : currency, currencies, accounts);
    }

    public async Task<Page<LedgerEntryDto>> ListEntriesAsync(LedgerEntryFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Set<LedgerEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityCode))
        {
            query = query.Where(e => e.EntityCode == filter.EntityCode);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            query = query.Where(e => e.Kind == filter.Kind);
        }

        if (!string.IsNullOrWhiteSpace(filter.SourcePrefix))
        {
            query = query.Where(e => e.SourceKey.StartsWith(filter.SourcePrefix));
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            query = query.Where(e => e.Lines.Any(l => l.Subject == filter.Subject));
        }

        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            query = query.Where(e => e.Lines.Any(l => l.Currency == filter.Currency));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(e => e.EffectiveAt).ThenByDescending(e => e.Id)
            .Skip(page.Skip).Take(page.Size)
            .Include(e => e.Lines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new Page<LedgerEntryDto>(rows.Select(ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<LedgerEntryDto?> FindEntryAsync(LedgerEntryId id, CancellationToken cancellationToken)
    {
        var row = await db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ToDto(row);
    }

    public async Task<LedgerEntryDto?> FindBySourceAsync(string sourceKey, CancellationToken cancellationToken)
    {
        var row = await db.Set<LedgerEntry>().AsNoTracking().Include(e => e.Lines).SingleOrDefaultAsync(e => e.SourceKey == sourceKey, cancellationToken);
        return row is null ? null : ToDto(row);
    }

    public static LedgerEntryDto ToDto(LedgerEntry row) => new(
        row.Id,
        row.SourceKey,
        row.Kind,
        row.EntityCode,
        row.EffectiveAt,
        row.RecordedAt,
        row.Description,
        row.Actor,
        row.Lines.OrderBy(l => l.LineNumber).Select(l =>
        {
            var unit = Currency.FromCode(l.Currency);
            return new LedgerLineDto(LedgerAccounts.Code(l.Account, l.Subject), l.Account, l.Subject, l.Currency, Money.FromMinor(l.DebitMinor, unit), Money.FromMinor(l.CreditMinor, unit), l.Memo);
        }).ToList());
}
