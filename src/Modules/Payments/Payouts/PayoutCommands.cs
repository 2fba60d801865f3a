using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.Payouts;

internal sealed class PayoutCommands(
    TradewindDbContext db,
    PayoutPlanner planner,
    ILedgerPosting ledger,
    IPaymentAccounts paymentAccounts,
    IAccountsQueries accountsQueries,
    AuditTrail audit,
    TimeProvider clock) : IPayoutCommands
{
    public async Task<PayoutRunResult> RunAsync(DateTimeOffset asOf, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var at = asOf.ToUniversalTime();
        var plan = await planner.PlanAsync(at, cancellationToken);
        var created = new List<PayoutDto>();
        var held = new List<PayoutHeld>();
        foreach (var item in plan)
        {
            if (item.HeldReason is { } reason)
            {
                if (reason != "nothing-available")
                {
                    held.Add(new PayoutHeld(item.SellerId, item.Balance.EntityCode, item.Available, reason));
                }

                continue;
            }

            var account = item.Account!;
            var id = PayoutId.New(clock);
            var payout = new Payout
            {
                Id = id,
                SellerId = item.SellerId,
                SellerEntityId = account.SellerEntityId,
                SellerEntityName = account.SellerEntityName,
                EntityCode = item.Balance.EntityCode,
                AmountMinor = item.Balance.Available,
                Currency = item.Balance.Currency,
                EndToEndId = Payout.EndToEndIdFor(id),
                BankAccountId = account.BankAccountId,
                AccountLast4 = account.Details.Last4,
                AsOf = at,
                PeriodKey = item.PeriodKey!,
                RequestedAt = clock.GetUtcNow(),
                RequestedBy = actor,
                Invoices = item.Invoices.Select(i => new PayoutInvoice { PayoutId = id, InvoiceId = new InvoiceId(i) }).ToList(),
            };
            try
            {
                await db.InTransactionAsync(
                    async ct =>
                    {
                        db.Add(payout);
                        audit.Record(actor, item.SellerId.Value, "payout.requested", $"payout:{id}", $"{payout.Amount.ToMajorString()} {payout.Currency} from {payout.EntityCode} to account …{payout.AccountLast4}");
                        // The ledger entry and the payout row are saved together (the posting joins this transaction).
                        await ledger.PostAsync(PayoutPostings.Payout(payout), actor, ct);
                        return true;
                    },
                    cancellationToken);
                created.Add(payout.ToDto());
            }
            catch (DbUpdateException)
            {
                // Another run paid this seller, entity, currency and period first (unique index): its payout stands.
                db.ChangeTracker.Clear();
                held.Add(new PayoutHeld(item.SellerId, item.Balance.EntityCode, item.Available, "not-due"));
            }
        }

        return new PayoutRunResult(at, created, held);
    }

    public async Task<PayoutFileDto?> GetFileAsync(PayoutId id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var payout = await db.Set<Payout>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (payout is null)
        {
            return null;
        }

        if (payout.FileId is { } existing)
        {
            return (await db.Set<PayoutFile>().AsNoTracking().SingleAsync(f => f.Id == existing, cancellationToken)).ToDto();
        }

        if (payout.Status != PayoutStatus.Requested)
        {
            throw new InvalidOperationException($"Payout {id} is {payout.Status} without a file.");
        }

        var batch = await db.Set<Payout>().AsNoTracking()
            .Where(p => p.Status == PayoutStatus.Requested && p.FileId == null && p.EntityCode == payout.EntityCode && p.Currency == payout.Currency)
            .ToListAsync(cancellationToken);
        batch = batch.OrderBy(p => p.RequestedAt).ThenBy(p => p.Id.Value).ToList();
        var entity = await accountsQueries.FindOperatorEntityAsync(payout.EntityCode, cancellationToken)
            ?? throw new InvalidOperationException($"Operator entity {payout.EntityCode} does not exist.");
        var debtorAccount = await paymentAccounts.FindCollectionAccountAsync(payout.EntityCode, payout.Currency, cancellationToken)
            ?? throw new DomainException(
                "payout-debtor-account-missing",
                $"{entity.LegalName} ({entity.Code}) has no collection account to pay {payout.Currency} from; add one to the entity first.",
                DomainErrorKind.Rule);

        var transfers = new List<PainTransfer>();
        foreach (var item in batch)
        {
            var accounts = await paymentAccounts.ListVerifiedPayoutAccountsAsync(item.SellerId, item.Currency, cancellationToken);
            var account = accounts.FirstOrDefault(a => a.BankAccountId == item.BankAccountId)
                ?? throw new DomainException(
                    "payout-account-unavailable",
                    $"Payout {item.EndToEndId}: account …{item.AccountLast4} of {item.SellerEntityName} is no longer a verified payout account in {item.Currency}; return the payout so the next run pays the seller's current account.",
                    DomainErrorKind.Conflict);
            transfers.Add(new PainTransfer(item.EndToEndId, item.Amount, account.Details.HolderName, account.Details, $"Tradewind payout {item.EndToEndId} {item.SellerEntityName}"));
        }

        var now = clock.GetUtcNow();
        var fileId = Guid.CreateVersion7(now);
        var messageId = "TW" + fileId.ToString("N");
        var xml = Pain001Writer.Write(
            messageId,
            now,
            DateOnly.FromDateTime(now.UtcDateTime),
            new PainDebtor(entity.LegalName, entity.Address.City, entity.Address.PostalCode, entity.CountryCode, debtorAccount),
            transfers);
        var file = new PayoutFile
        {
            Id = fileId,
            MessageId = messageId,
            EntityCode = payout.EntityCode,
            Currency = payout.Currency,
            Count = batch.Count,
            TotalMinor = batch.Sum(p => p.AmountMinor),
            CreatedAt = now,
            CreatedBy = actor,
            Xml = xml,
        };

        var ids = batch.Select(p => p.Id).ToList();
        try
        {
            await db.InTransactionAsync(
                async ct =>
                {
                    db.Add(file);
                    audit.Record(actor, null, "payout-file.created", $"payout-file:{messageId}", string.Create(CultureInfo.InvariantCulture, $"{batch.Count} payouts, {file.ToDto().Total.ToMajorString()} {file.Currency} from {file.EntityCode}"));
                    await db.SaveChangesAsync(ct);
                    // Claim the payouts only if no other file took them meanwhile: a payout is in exactly one file.
                    var claimed = await db.Set<Payout>()
                        .Where(p => ids.Contains(p.Id) && p.FileId == null && p.Status == PayoutStatus.Requested)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.FileId, fileId).SetProperty(p => p.Status, PayoutStatus.Sent).SetProperty(p => p.SentAt, now), ct);
                    if (claimed != ids.Count)
                    {
                        throw new DomainException("payout-file-conflict", "Another file took some of these payouts at the same moment; download the payout's file again.", DomainErrorKind.Conflict);
                    }

                    return true;
                },
                cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return file.ToDto();
    }

    public async Task<PayoutDto> MarkPaidAsync(PayoutId id, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return await db.InTransactionAsync(
            async ct =>
            {
                var payout = await LoadAsync(id, ct);
                payout.MarkPaid(clock.GetUtcNow());
                audit.Record(actor, payout.SellerId.Value, "payout.paid", $"payout:{id}", $"{payout.Amount.ToMajorString()} {payout.Currency}");
                await db.SaveChangesAsync(ct);
                return payout.ToDto();
            },
            cancellationToken);
    }

    public async Task<PayoutDto> MarkReturnedAsync(PayoutId id, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            throw new ValidationFailedException("reason", "Give the bank's return reason (1 to 500 characters), e.g. \"AC04 account closed\".");
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                var payout = await LoadAsync(id, ct);
                var now = clock.GetUtcNow();
                payout.MarkReturned(reason.Trim(), now);
                audit.Record(actor, payout.SellerId.Value, "payout.returned", $"payout:{id}", $"{payout.Amount.ToMajorString()} {payout.Currency}: {reason.Trim()}");
                // Saves the status change with the reversing entry: the payable is owed again exactly when the payout is returned.
                await ledger.PostAsync(PayoutPostings.Return(payout, now), actor, ct);
                return payout.ToDto();
            },
            cancellationToken);
    }

    public async Task<PayoutScheduleDto> SetScheduleAsync(SellerEntityId sellerEntityId, PayoutFrequency frequency, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!Enum.IsDefined(frequency))
        {
            throw new ValidationFailedException("frequency", "Choose daily, weekly or monthly.");
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                var row = await db.Set<PayoutSchedule>().SingleOrDefaultAsync(s => s.SellerEntityId == sellerEntityId, ct);
                if (row is null)
                {
                    row = new PayoutSchedule { SellerEntityId = sellerEntityId, UpdatedBy = actor };
                    db.Add(row);
                }

                row.Frequency = frequency;
                row.UpdatedAt = clock.GetUtcNow();
                row.UpdatedBy = actor;
                audit.Record(actor, null, "payout-schedule.set", $"seller-entity:{sellerEntityId}", frequency.ToString().ToLowerInvariant());
                await db.SaveChangesAsync(ct);
                return new PayoutScheduleDto(sellerEntityId, row.Frequency, row.UpdatedAt);
            },
            cancellationToken);
    }

    private async Task<Payout> LoadAsync(PayoutId id, CancellationToken cancellationToken) =>
        await db.Set<Payout>().Include(p => p.Invoices).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw new DomainException("payout-not-found", $"Payout {id} does not exist.", DomainErrorKind.NotFound);
}
