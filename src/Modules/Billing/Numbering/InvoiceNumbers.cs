using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Billing;
using Tradewind.Persistence;

namespace Tradewind.Billing.Numbering;

/// <summary>
/// Takes the next number of a series inside the caller's transaction. The upsert is the transaction's first write: on
/// PostgreSQL it locks the series row until commit, so a concurrent finalization waits and then reads the incremented
/// value; on SQLite it takes the database's write lock (writers queue behind the busy timeout). A rollback returns the
/// number, so the series has no gaps; the row lock means no number is taken twice.
/// </summary>
internal static class InvoiceNumbers
{
    /// <summary>
    /// The number's text: the entity's prefix (without a trailing hyphen), <c>CN</c> for credit notes, the year and six
    /// digits: <c>EU-2026-000042</c>, <c>EU-CN-2026-000003</c>.
    /// </summary>
    public static string Format(string prefix, InvoiceKind kind, int year, long number)
    {
        var stem = prefix.TrimEnd('-');
        var kindPart = kind == InvoiceKind.CreditNote ? "-CN" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{stem}{kindPart}-{year:D4}-{number:D6}");
    }

    /// <summary>The next number of (entity, kind, year); a new series starts at <paramref name="firstNumber"/>.</summary>
    public static Task<long> TakeAsync(TradewindDbContext db, string entityCode, InvoiceKind kind, int year, long firstNumber, CancellationToken cancellationToken) =>
        TakeAsync(db, entityCode, kind, year, firstNumber, 1, cancellationToken);

    /// <summary>
    /// The next <paramref name="count"/> consecutive numbers of (entity, kind, year) with one upsert; returns the first.
    /// A new series starts at <paramref name="firstNumber"/>.
    /// </summary>
    public static async Task<long> TakeAsync(TradewindDbContext db, string entityCode, InvoiceKind kind, int year, long firstNumber, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var kindText = kind.ToString();
        long taken = count;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO billing_number_series (entity_code, kind, year, next_number) VALUES ({entityCode}, {kindText}, {year}, {firstNumber + taken})
            ON CONFLICT (entity_code, kind, year) DO UPDATE SET next_number = billing_number_series.next_number + {taken}
            """,
            cancellationToken);
        var next = await db.Database
            .SqlQuery<long>($"SELECT next_number AS \"Value\" FROM billing_number_series WHERE entity_code = {entityCode} AND kind = {kindText} AND year = {year}")
            .ToListAsync(cancellationToken);
        return next.Single() - taken;
    }
}
