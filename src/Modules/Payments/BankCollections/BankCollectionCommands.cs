using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Banking;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// Mandates, direct-debit batches and statement imports. Invoices are marked paid through
/// <see cref="IBillingCommands.MarkPaidAsync"/> inside the same transaction as the collection's own change, so a
/// statement entry is matched, or a batch settled, together with its invoices or not at all.
/// </summary>
internal sealed partial class BankCollectionCommands(
    TradewindDbContext db,
    IAccountsQueries accounts,
    IBillingQueries billingQueries,
    IBillingCommands billing,
    Outbox outbox,
    AuditTrail audit,
    IOptions<BankCollectionOptions> options,
    TimeProvider clock) : IBankCollectionCommands
{
    private const string Euro = "EUR";

    public async Task<SepaMandateDto> CreateMandateAsync(OrganisationId buyerId, NewSepaMandate mandate, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mandate);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var debtor = mandate.DebtorName?.Trim() ?? "";
        var iban = Iban.Validate(mandate.Iban);
        var bic = string.IsNullOrWhiteSpace(mandate.Bic) ? null : Bic.Validate(mandate.Bic);
        var validation = new Validation()
            .Require(debtor.Length is >= 1 and <= 70, "debtorName", "Give the account holder's name as the bank has it (up to 70 characters).")
            .Require(iban.Valid, "iban", iban.Reason ?? "")
            .Require(bic is null || bic.Valid, "bic", bic?.Reason ?? "")
            .Require(mandate.Accepted, "accepted", "Accept the mandate text to authorise the direct debits.");
        if (iban.Valid && !SepaCountries.Contains(iban.Normalized[..2]))
        {
            validation.Add("iban", $"SEPA direct debits collect only from accounts in the SEPA area; {iban.Normalized[..2]} is not in it.");
        }

        validation.ThrowIfInvalid();
        var entity = await CollectingEntityAsync(mandate.EntityCode, cancellationToken);
        var buyer = await accounts.FindOrganisationAsync(buyerId, cancellationToken)
            ?? throw new DomainException("buyer-not-found", $"There is no buyer {buyerId}.", DomainErrorKind.NotFound);
        var now = clock.GetUtcNow();
        var id = SepaMandateId.New(clock);
        var row = new SepaMandate
        {
            Id = id,
            Reference = "TWM" + id.Value.ToString("N", CultureInfo.InvariantCulture).ToUpperInvariant(),
            BuyerId = buyer.Id,
            DebtorName = debtor,
            Iban = iban.Normalized,
            Bic = bic?.Normalized,
            SignedOn = DateOnly.FromDateTime(now.UtcDateTime),
            EntityCode = entity.Code,
            CreditorId = entity.SepaCreditorId!,
            CreditorName = entity.LegalName,
            Status = SepaMandateStatus.Active,
            CreatedAt = now,
            CreatedBy = actor,
        };

        return await db.InTransactionAsync(
            async ct =>
            {
                db.Add(row);
                audit.Record(actor, buyer.Id.Value, "sepa-mandate.signed", $"sepa-mandate:{row.Reference}", $"{entity.Code} {SepaMandate.Mask(row.Iban)}");
                await db.SaveChangesAsync(ct);

                // Open euro invoices of this entity that no collection covers yet are collected under the new mandate.
                var covered = db.Set<DirectDebitCollection>().Where(c => c.BuyerId == buyer.Id && c.Status != DirectDebitCollectionStatus.Cancelled).Select(c => c.InvoiceId);
                var open = await db.Set<BankInvoice>()
                    .Where(i => i.BuyerId == buyer.Id && i.EntityCode == entity.Code && i.Currency == Euro && i.PaidAt == null && !covered.Contains(i.InvoiceId))
                    .ToListAsync(ct);
                foreach (var invoice in open)
                {
                    Schedule(invoice, row);
                }

                await db.SaveChangesAsync(ct);
                return row.ToDto();
            },
            cancellationToken);
    }

    public async Task<SepaMandateDto> RevokeMandateAsync(SepaMandateId id, OrganisationId? buyerId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return await db.InTransactionAsync(
            async ct =>
            {
                var mandate = await db.Set<SepaMandate>().SingleOrDefaultAsync(m => m.Id == id, ct);
                if (mandate is null || (buyerId is { } buyer && mandate.BuyerId != buyer))
                {
                    throw new DomainException("sepa-mandate-not-found", $"There is no mandate {id}.", DomainErrorKind.NotFound);
                }

                if (mandate.Status == SepaMandateStatus.Revoked)
                {
                    return mandate.ToDto();
                }

                mandate.Status = SepaMandateStatus.Revoked;
                mandate.RevokedAt = clock.GetUtcNow();
                mandate.RevokedBy = actor;
                await db.Set<DirectDebitCollection>()
                    .Where(c => c.MandateId == id && c.Status == DirectDebitCollectionStatus.Scheduled)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DirectDebitCollectionStatus.Cancelled), ct);
                audit.Record(actor, mandate.BuyerId.Value, "sepa-mandate.revoked", $"sepa-mandate:{mandate.Reference}");
                await db.SaveChangesAsync(ct);
                return mandate.ToDto();
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<DirectDebitBatchDto>> CreateBatchesAsync(NewDirectDebitBatches request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var dueBy = request.DueBy ?? today;
        var entityFilter = string.IsNullOrWhiteSpace(request.EntityCode) ? null : request.EntityCode.Trim().ToUpperInvariant();
        return await db.InTransactionAsync(
            async ct =>
            {
                var query = db.Set<DirectDebitCollection>().Where(c => c.Status == DirectDebitCollectionStatus.Scheduled && c.DueDate <= dueBy);
                if (entityFilter is not null)
                {
                    query = query.Where(c => c.EntityCode == entityFilter);
                }

                var due = await query.OrderBy(c => c.InvoiceNumber).ToListAsync(ct);
                var mandateIds = due.Select(c => c.MandateId).Distinct().ToList();
                var mandates = await db.Set<SepaMandate>().Where(m => mandateIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
                var batches = new List<DirectDebitBatchDto>();

                // SEPA Core: a collection is submitted at least one inter-bank day ahead, so nothing is collected today.
                foreach (var group in due.GroupBy(c => (c.EntityCode, Date: c.DueDate > today ? c.DueDate : today.AddDays(1))).OrderBy(g => g.Key.EntityCode, StringComparer.Ordinal).ThenBy(g => g.Key.Date))
                {
                    var entity = await accounts.FindOperatorEntityAsync(group.Key.EntityCode, ct);
                    var account = await accounts.FindCollectionAccountDetailsAsync(group.Key.EntityCode, Euro, ct);
                    if (entity?.SepaCreditorId is null || account?.Iban is null)
                    {
                        throw new DomainException(
                            "sepa-creditor-incomplete",
                            $"Entity {group.Key.EntityCode} needs a SEPA creditor identifier and a EUR collection account with an IBAN to collect by direct debit.",
                            DomainErrorKind.Conflict);
                    }

                    var id = DirectDebitBatchId.New(clock);
                    var messageId = SepaText.Identifier($"TWDD-{group.Key.EntityCode}-{group.Key.Date:yyyyMMdd}-{id.Value.ToString("N", CultureInfo.InvariantCulture)[^8..].ToUpperInvariant()}");
                    var transactions = new List<Pain008Writer.Transaction>();
                    foreach (var collection in group)
                    {
                        var mandate = mandates[collection.MandateId];
                        collection.SequenceType = mandate.NextSequenceType;
                        mandate.FirstCollectionBatchedAt ??= now;
                        transactions.Add(new Pain008Writer.Transaction(
                            collection.EndToEndId, collection.AmountMinor, mandate.Reference, mandate.SignedOn, mandate.DebtorName, mandate.Iban, mandate.Bic,
                            collection.SequenceType, $"Invoice {collection.InvoiceNumber}"));
                    }

                    var ids = group.Select(c => c.Id).ToList();

                    // The guard that keeps an invoice out of a second batch: only still-scheduled rows move, all or none.
                    var moved = await db.Set<DirectDebitCollection>()
                        .Where(c => ids.Contains(c.Id) && c.Status == DirectDebitCollectionStatus.Scheduled)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DirectDebitCollectionStatus.Batched).SetProperty(c => c.BatchId, id), ct);
                    if (moved != ids.Count)
                    {
                        throw new DomainException("direct-debit-batch-conflict", "Another batch took some of these collections at the same time; try again.", DomainErrorKind.Conflict);
                    }

                    foreach (var collection in group)
                    {
                        collection.Status = DirectDebitCollectionStatus.Batched;
                        collection.BatchId = id;
                    }

                    var batch = new DirectDebitBatch
                    {
                        Id = id,
                        EntityCode = group.Key.EntityCode,
                        CollectionDate = group.Key.Date,
                        MessageId = messageId,
                        Status = DirectDebitBatchStatus.Created,
                        NumberOfTransactions = transactions.Count,
                        Currency = Euro,
                        TotalMinor = transactions.Sum(t => t.AmountMinor),
                        Xml = Pain008Writer.Write(messageId, now, group.Key.Date, new Pain008Writer.Creditor(entity.LegalName, account.Iban, account.Bic, entity.SepaCreditorId), transactions),
                        CreatedAt = now,
                        CreatedBy = actor,
                    };
                    db.Add(batch);
                    audit.Record(actor, null, "direct-debit-batch.created", $"direct-debit-batch:{messageId}", string.Create(CultureInfo.InvariantCulture, $"{transactions.Count} collections, {batch.TotalMinor / 100m:0.00} EUR on {group.Key.Date:yyyy-MM-dd}"));
                    await db.SaveChangesAsync(ct);
                    batches.Add(batch.ToDto(group));
                }

                return (IReadOnlyList<DirectDebitBatchDto>)batches;
            },
            cancellationToken);
    }

    public async Task<DirectDebitBatchDto> SettleBatchAsync(DirectDebitBatchId id, DateTimeOffset settledAt, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (settledAt > clock.GetUtcNow())
        {
            throw new ValidationFailedException("settledAt", "A batch cannot be settled in the future.");
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                var batch = await db.Set<DirectDebitBatch>().SingleOrDefaultAsync(b => b.Id == id, ct)
                    ?? throw new DomainException("direct-debit-batch-not-found", $"There is no direct-debit batch {id}.", DomainErrorKind.NotFound);
                var collections = await db.Set<DirectDebitCollection>().Where(c => c.BatchId == id).ToListAsync(ct);
                if (batch.Status == DirectDebitBatchStatus.Settled)
                {
                    return batch.ToDto(collections);
                }

                foreach (var collection in collections.Where(c => c.Status == DirectDebitCollectionStatus.Batched))
                {
                    // An invoice the buyer paid meanwhile by other means stays as it is (the double payment is a refund case).
                    if (await InvoiceStatusAsync(collection.InvoiceId, ct) == InvoiceStatus.Finalized)
                    {
                        await PayAsync(collection.InvoiceId, settledAt, actor, ct);
                    }

                    collection.Status = DirectDebitCollectionStatus.Settled;
                }

                batch.Status = DirectDebitBatchStatus.Settled;
                batch.SettledAt = settledAt.ToUniversalTime();
                audit.Record(actor, null, "direct-debit-batch.settled", $"direct-debit-batch:{batch.MessageId}");
                await db.SaveChangesAsync(ct);
                return batch.ToDto(collections);
            },
            cancellationToken);
    }

    public async Task<BankStatementImportDto> ImportStatementAsync(string xml, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new ValidationFailedException("file", "Upload a camt.053.001.08 statement (XML).");
        }

        var statements = Camt053Reader.Read(xml);
        if (statements.Count != 1)
        {
            throw new ValidationFailedException("file", "Upload one statement per file.");
        }

        var statement = statements[0];
        try
        {
            return await ImportOnceAsync(statement, actor, cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // The same statement was imported at the same moment (its id and entry references are unique): read again,
            // so what the other import wrote counts as already imported and the rest is reconciled here.
            db.ChangeTracker.Clear();
            try
            {
                return await ImportOnceAsync(statement, actor, cancellationToken);
            }
            catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
            {
                db.ChangeTracker.Clear();
                throw new DomainException(
                    "bank-statement-import-conflict",
                    $"Statement {statement.StatementId} is being imported by another request; import it again in a moment.",
                    DomainErrorKind.Conflict);
            }
        }
    }

    private async Task<BankStatementImportDto> ImportOnceAsync(Camt053Reader.Statement statement, string actor, CancellationToken cancellationToken)
    {
        return await db.InTransactionAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                var row = await db.Set<BankStatement>().SingleOrDefaultAsync(s => s.StatementId == statement.StatementId, ct);
                if (row is null)
                {
                    row = new BankStatement
                    {
                        Id = Guid.CreateVersion7(now),
                        StatementId = statement.StatementId,
                        MessageId = statement.MessageId,
                        AccountIban = statement.AccountIban,
                        ImportedAt = now,
                        Actor = actor,
                    };
                    db.Add(row);
                }

                var known = (await db.Set<StatementEntry>().Where(e => e.StatementId == statement.StatementId).Select(e => e.EntryReference).ToListAsync(ct))
                    .ToHashSet(StringComparer.Ordinal);
                var added = new List<StatementEntry>();
                int matched = 0, unmatched = 0, already = 0, debits = 0;
                foreach (var item in statement.Items)
                {
                    if (!known.Add(item.EntryReference))
                    {
                        already++;
                        continue;
                    }

                    var entry = await ReconcileAsync(row, item, actor, now, ct);
                    db.Add(entry);
                    added.Add(entry);
                    switch (entry.Status)
                    {
                        case StatementEntryStatus.Matched:
                            matched++;
                            break;
                        case StatementEntryStatus.Debit:
                            debits++;
                            break;
                        default:
                            unmatched++;
                            break;
                    }

                    await db.SaveChangesAsync(ct);
                }

                audit.Record(
                    actor, null, "bank-statement.imported", $"bank-statement:{statement.StatementId}",
                    string.Create(CultureInfo.InvariantCulture, $"{matched} matched, {unmatched} unmatched, {already} already imported, {debits} debits"));
                await db.SaveChangesAsync(ct);
                var counts = await db.Set<StatementEntry>().Where(e => e.StatementRowId == row.Id).GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                return new BankStatementImportDto(
                    BankCollectionQueries.ToDto(row, counts.Select(c => (c.Key, c.Count))), matched, unmatched, already, debits, added.Select(e => e.ToDto()).ToList());
            },
            cancellationToken);
    }

    public async Task<StatementEntryDto> AssignEntryAsync(BankStatementEntryId id, InvoiceId invoiceId, string? note, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return await db.InTransactionAsync(
            async ct =>
            {
                var entry = await UnmatchedAsync(id, ct);
                var invoice = await db.Set<BankInvoice>().SingleOrDefaultAsync(i => i.InvoiceId == invoiceId, ct)
                    ?? throw new ValidationFailedException("invoiceId", "There is no finalized invoice with this id.");
                if (invoice.Currency != entry.Currency || invoice.TotalMinor != entry.AmountMinor)
                {
                    throw new ValidationFailedException("invoiceId", $"Invoice {invoice.Number} is for {Amount(invoice.TotalMinor, invoice.Currency)}, the credit is {Amount(entry.AmountMinor, entry.Currency)}.");
                }

                if (invoice.PaidAt is not null || await InvoiceStatusAsync(invoiceId, ct) != InvoiceStatus.Finalized)
                {
                    throw new DomainException("invoice-not-open", $"Invoice {invoice.Number} is not open for payment.", DomainErrorKind.Conflict);
                }

                await PayAsync(invoiceId, PaidAt(entry.BookingDate, invoice), actor, ct);
                entry.Status = StatementEntryStatus.Assigned;
                entry.InvoiceId = invoiceId;
                entry.InvoiceNumber = invoice.Number;
                entry.Note = Note(note, required: false);
                entry.ResolvedAt = clock.GetUtcNow();
                entry.ResolvedBy = actor;
                audit.Record(actor, invoice.BuyerId.Value, "bank-statement-entry.assigned", $"bank-statement-entry:{entry.Id}", $"{entry.StatementId}/{entry.EntryReference} → {invoice.Number}");
                await db.SaveChangesAsync(ct);
                return entry.ToDto();
            },
            cancellationToken);
    }

    public async Task<StatementEntryDto> DismissEntryAsync(BankStatementEntryId id, string note, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var text = Note(note, required: true);
        return await db.InTransactionAsync(
            async ct =>
            {
                var entry = await UnmatchedAsync(id, ct);
                entry.Status = StatementEntryStatus.Dismissed;
                entry.Note = text;
                entry.ResolvedAt = clock.GetUtcNow();
                entry.ResolvedBy = actor;
                audit.Record(actor, null, "bank-statement-entry.dismissed", $"bank-statement-entry:{entry.Id}", $"{entry.StatementId}/{entry.EntryReference}: {text}");
                await db.SaveChangesAsync(ct);
                return entry.ToDto();
            },
            cancellationToken);
    }

    /// <summary>Records a finalized invoice and, for a euro invoice of a buyer with an active mandate of its entity, schedules its direct debit.</summary>
    internal async Task RecordInvoiceAsync(InvoiceFinalized finalized, CancellationToken cancellationToken)
    {
        if (finalized.Kind != InvoiceKind.Invoice || await db.Set<BankInvoice>().AnyAsync(i => i.InvoiceId == finalized.InvoiceId, cancellationToken))
        {
            return;
        }

        var invoice = await billingQueries.FindInvoiceAsync(finalized.InvoiceId, BankCollectionQueries.PaymentsCaller, cancellationToken);
        if (invoice?.Number is null)
        {
            return;
        }

        await db.InTransactionAsync(
            async ct =>
            {
                var row = new BankInvoice
                {
                    InvoiceId = invoice.Id,
                    Number = invoice.Number,
                    BuyerId = invoice.Buyer.Id,
                    EntityCode = invoice.Issuer.EntityCode,
                    Currency = invoice.Currency,
                    TotalMinor = invoice.Total.MinorUnits,
                    RfReference = BankInvoice.ReferenceFor(invoice.Id).Value,
                    DueDate = invoice.DueDate,
                    FinalizedAt = invoice.FinalizedAt ?? finalized.OccurredAt,
                    PaidAt = invoice.PaidAt,
                };
                db.Add(row);
                if (row.PaidAt is null && row.Currency == Euro && row.TotalMinor > 0)
                {
                    var mandate = await db.Set<SepaMandate>()
                        .Where(m => m.BuyerId == row.BuyerId && m.EntityCode == row.EntityCode && m.Status == SepaMandateStatus.Active)
                        .OrderByDescending(m => m.CreatedAt)
                        .FirstOrDefaultAsync(ct);
                    if (mandate is not null)
                    {
                        Schedule(row, mandate);
                    }
                }

                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>An invoice was paid (by any means): it is no longer open, and a collection not yet in a batch is dropped.</summary>
    internal async Task RecordPaymentAsync(InvoicePaid paid, CancellationToken cancellationToken)
    {
        await db.Set<BankInvoice>().Where(i => i.InvoiceId == paid.InvoiceId && i.PaidAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.PaidAt, paid.OccurredAt), cancellationToken);
        await db.Set<DirectDebitCollection>().Where(c => c.InvoiceId == paid.InvoiceId && c.Status == DirectDebitCollectionStatus.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, DirectDebitCollectionStatus.Cancelled), cancellationToken);
    }

    /// <summary>
    /// SEPA Core pre-notification: the buyer hears of amount and date at least the configured number of calendar days
    /// before the collection (14 unless agreed otherwise), and never before the invoice is due.
    /// </summary>
    private void Schedule(BankInvoice invoice, SepaMandate mandate)
    {
        var now = clock.GetUtcNow();
        var earliest = DateOnly.FromDateTime(now.UtcDateTime).AddDays(Math.Max(1, options.Value.PreNotificationDays));
        var due = invoice.DueDate is { } d && d > earliest ? d : earliest;
        db.Add(new DirectDebitCollection
        {
            Id = Guid.CreateVersion7(now),
            InvoiceId = invoice.InvoiceId,
            InvoiceNumber = invoice.Number,
            BuyerId = invoice.BuyerId,
            MandateId = mandate.Id,
            MandateReference = mandate.Reference,
            EntityCode = invoice.EntityCode,
            Currency = invoice.Currency,
            AmountMinor = invoice.TotalMinor,
            DueDate = due,
            Status = DirectDebitCollectionStatus.Scheduled,
            CreatedAt = now,
        });
        outbox.Add(new DirectDebitScheduled(
            invoice.InvoiceId, invoice.Number, invoice.BuyerId, mandate.Reference, mandate.CreditorId, SepaMandate.Mask(mandate.Iban),
            Money.FromMinor(invoice.TotalMinor, Currency.FromCode(invoice.Currency)), due, now));
    }

    private async Task<StatementEntry> ReconcileAsync(BankStatement statement, Camt053Reader.Item item, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var currency = Currency.TryFromCode(item.Currency, out var c) ? c : null;
        var minor = currency is null ? 0 : decimal.ToInt64(item.Amount * Pow10(currency.MinorUnits));
        var rf = FindRf(item);
        var entry = new StatementEntry
        {
            Id = BankStatementEntryId.New(clock),
            StatementRowId = statement.Id,
            StatementId = statement.StatementId,
            EntryReference = item.EntryReference,
            BookingDate = item.BookingDate,
            AmountMinor = minor,
            Currency = item.Currency,
            Reference = rf ?? item.EndToEndId,
            Remittance = item.Unstructured is { Length: > 500 } long500 ? long500[..500] : item.Unstructured,
            DebtorName = item.DebtorName is { Length: > 140 } name ? name[..140] : item.DebtorName,
            Status = StatementEntryStatus.Unmatched,
            CreatedAt = now,
        };
        if (!item.Credit)
        {
            entry.Status = StatementEntryStatus.Debit;
            return entry;
        }

        if (!item.Booked || currency is null)
        {
            entry.Reason = currency is null ? $"Unknown currency {item.Currency}." : "The entry is not booked yet.";
            return entry;
        }

        var invoice = rf is not null ? await db.Set<BankInvoice>().SingleOrDefaultAsync(i => i.RfReference == rf, cancellationToken) : null;
        if (invoice is null)
        {
            var candidates = Tokens(item.EndToEndId).Concat(Tokens(item.Unstructured)).Distinct(StringComparer.Ordinal).ToList();
            invoice = candidates.Count == 0 ? null : await db.Set<BankInvoice>().Where(i => candidates.Contains(i.Number)).OrderBy(i => i.Number).FirstOrDefaultAsync(cancellationToken);
        }

        if (invoice is null)
        {
            entry.Reason = rf is null ? "No RF reference or invoice number the ledger knows." : $"No invoice has the reference {rf}.";
            return entry;
        }

        entry.InvoiceNumber = invoice.Number;
        if (invoice.Currency != entry.Currency || invoice.TotalMinor != entry.AmountMinor)
        {
            entry.Reason = $"Invoice {invoice.Number} is for {Amount(invoice.TotalMinor, invoice.Currency)}, the credit is {Amount(entry.AmountMinor, entry.Currency)}.";
            return entry;
        }

        if (invoice.PaidAt is not null || await InvoiceStatusAsync(invoice.InvoiceId, cancellationToken) != InvoiceStatus.Finalized)
        {
            entry.Reason = $"Invoice {invoice.Number} is already paid or void.";
            return entry;
        }

        await PayAsync(invoice.InvoiceId, PaidAt(item.BookingDate, invoice), actor, cancellationToken);
        var collection = await db.Set<DirectDebitCollection>().SingleOrDefaultAsync(x => x.InvoiceId == invoice.InvoiceId, cancellationToken);
        if (collection?.Status == DirectDebitCollectionStatus.Batched)
        {
            collection.Status = DirectDebitCollectionStatus.Settled;
        }
        else if (collection?.Status == DirectDebitCollectionStatus.Scheduled)
        {
            collection.Status = DirectDebitCollectionStatus.Cancelled;
        }

        entry.Status = StatementEntryStatus.Matched;
        entry.InvoiceId = invoice.InvoiceId;
        entry.ResolvedAt = now;
        entry.ResolvedBy = actor;
        return entry;
    }

    private async Task PayAsync(InvoiceId invoiceId, DateTimeOffset paidAt, string actor, CancellationToken cancellationToken)
    {
        await billing.MarkPaidAsync(invoiceId, paidAt, actor, cancellationToken);
        if (await db.Set<BankInvoice>().SingleOrDefaultAsync(i => i.InvoiceId == invoiceId, cancellationToken) is { PaidAt: null } row)
        {
            row.PaidAt = paidAt;
        }
    }

    private async Task<InvoiceStatus?> InvoiceStatusAsync(InvoiceId id, CancellationToken cancellationToken) =>
        (await billingQueries.FindInvoiceAsync(id, BankCollectionQueries.PaymentsCaller, cancellationToken))?.Status;

    /// <summary>The booking day (midnight UTC), but never before the invoice was finalized nor after now.</summary>
    private DateTimeOffset PaidAt(DateOnly? bookingDate, BankInvoice invoice)
    {
        var now = clock.GetUtcNow();
        var at = bookingDate is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        if (at < invoice.FinalizedAt)
        {
            at = invoice.FinalizedAt;
        }

        return at > now ? now : at;
    }

    private async Task<StatementEntry> UnmatchedAsync(BankStatementEntryId id, CancellationToken cancellationToken)
    {
        var entry = await db.Set<StatementEntry>().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new DomainException("statement-entry-not-found", $"There is no statement entry {id}.", DomainErrorKind.NotFound);
        return entry.Status == StatementEntryStatus.Unmatched
            ? entry
            : throw new DomainException("statement-entry-resolved", $"Statement entry {id} is not in the unmatched queue.", DomainErrorKind.Conflict);
    }

    private async Task<OperatorEntityDto> CollectingEntityAsync(string? code, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(code))
        {
            var entity = await accounts.FindOperatorEntityAsync(code.Trim(), cancellationToken);
            return entity?.SepaCreditorId is not null
                ? entity
                : throw new ValidationFailedException("entityCode", $"Entity {code.Trim().ToUpperInvariant()} does not collect by SEPA direct debit.");
        }

        var collecting = (await accounts.ListOperatorEntitiesAsync(cancellationToken)).Where(e => e.SepaCreditorId is not null).ToList();
        return collecting.Count switch
        {
            1 => collecting[0],
            0 => throw new DomainException("sepa-not-offered", "No operator entity collects by SEPA direct debit.", DomainErrorKind.Conflict),
            _ => throw new ValidationFailedException("entityCode", "Name the entity the mandate is for: " + string.Join(", ", collecting.Select(e => e.Code)) + "."),
        };
    }

    private static string? FindRf(Camt053Reader.Item item)
    {
        if (RfCreditorReference.TryParse(item.StructuredReference, out var structured))
        {
            return structured.Value;
        }

        // Payers often type the reference into the free text, sometimes in the grouped print form.
        foreach (Match match in RfPattern().Matches(item.Unstructured ?? ""))
        {
            if (RfCreditorReference.TryParse(match.Value, out var reference))
            {
                return reference.Value;
            }
        }

        return null;
    }

    private static IEnumerable<string> Tokens(string? text) =>
        (text ?? "").Split([' ', ',', ';', ':', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length is >= 3 and <= 40);

    private static string? Note(string? note, bool required)
    {
        var text = note?.Trim() ?? "";
        if (text.Length > 1000 || (required && text.Length == 0))
        {
            throw new ValidationFailedException("note", "Write a note of 1 to 1000 characters.");
        }

        return text.Length == 0 ? null : text;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static string Amount(long minor, string currency) =>
        Currency.TryFromCode(currency, out var c) ? $"{Money.FromMinor(minor, c).ToMajorString()} {currency}" : currency;

    [GeneratedRegex(@"RF\s?\d\d(?:\s?[A-Z0-9]){1,21}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RfPattern();

    /// <summary>Countries and territories of the SEPA scheme area (EPC409-09), by IBAN prefix.</summary>
    private static readonly HashSet<string> SepaCountries = new(StringComparer.Ordinal)
    {
        "AD", "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
        "LV", "MC", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM", "VA", "AL", "MD", "ME", "MK",
    };
}
