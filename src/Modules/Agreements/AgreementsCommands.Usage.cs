using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements;

internal sealed partial class AgreementsCommands
{
    public async Task RecordFirstUsageAsync(AgreementId id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var agreement = await db.Set<Agreement>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw NotFound(id);
        if (agreement.FirstUsageAt is { } known && known <= at)
        {
            return;
        }

        var first = agreement.FirstUsageAt is null;
        agreement.FirstUsageAt = at;
        if (first)
        {
            outbox.Add(new FirstUsageRecorded(agreement.Id, agreement.BuyerId, agreement.SellerId, agreement.ProductId, at, clock.GetUtcNow()));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node recorded it (or the sweep touched the agreement) meanwhile; the next record will try again.
            db.ChangeTracker.Clear();
        }
    }
}
