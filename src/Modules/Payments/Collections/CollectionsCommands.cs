using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

/// <summary>
/// Card collections: saving cards, paying invoices by card, and dunning overdue invoices. A payment is written pending
/// before the gateway is asked and completed with its answer; a success marks the invoice paid in the same
/// transaction (Billing raises <c>InvoicePaid</c>, the ledger posts the payment from it).
/// </summary>
internal sealed class CollectionsCommands(
    TradewindDbContext db,
    IPaymentGateway gateway,
    IBillingQueries billing,
    IBillingCommands billingCommands,
    IAgreementsCommands agreements,
    Persistence.Outbox.Outbox outbox,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<DunningOptions> options) : ICollectionsCommands
{
    public const string DunningActor = "payments:dunning";

    public async Task<PaymentMethodDto> SavePaymentMethodAsync(NewCard card, CollectionsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        RequireBuyer(buyer);
        var method = await SaveAsync(card, buyer, cancellationToken);
        return CollectionsQueries.ToDto(method, gateway, isDefault: true);
    }

    public async Task<PaymentDto> PayInvoiceAsync(PayInvoiceRequest request, CollectionsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireBuyer(buyer);
        if (request.IdempotencyKey is not { Length: > 0 and <= 255 })
        {
            throw new ValidationFailedException("idempotencyKey", "An idempotency key of 1 to 255 characters is required.");
        }

        if (await FindByKeyAsync(buyer.OrganisationId, request.IdempotencyKey, cancellationToken) is { } earlier)
        {
            return earlier.Status == PaymentStatus.Pending ? await ResumeAsync(earlier.Id, buyer.Actor, cancellationToken) : CollectionsQueries.ToDto(earlier);
        }

        var invoice = await billing.FindInvoiceAsync(request.InvoiceId, new BillingCaller(buyer.OrganisationId, Roles.Buyer, buyer.Actor), cancellationToken);
        if (invoice is null || invoice.Buyer.Id != buyer.OrganisationId)
        {
            throw new DomainException("invoice-not-found", $"Invoice {request.InvoiceId} does not exist.", DomainErrorKind.NotFound);
        }

        RequirePayable(invoice, request.Amount);
        PaymentMethod method;
        if (request.PaymentMethodId is { } methodId)
        {
            method = await db.Set<PaymentMethod>().SingleOrDefaultAsync(m => m.Id == methodId && m.BuyerId == buyer.OrganisationId, cancellationToken)
                ?? throw new DomainException("payment-method-not-found", $"Payment method {methodId} does not exist.", DomainErrorKind.NotFound);
        }
        else if (request.Card is { } card)
        {
            method = await SaveAsync(card, buyer, cancellationToken);
        }
        else
        {
            throw new ValidationFailedException("paymentMethodId", "Name a saved card (paymentMethodId) or give a new one (card).");
        }

        return await ChargeAsync(invoice, method, request.IdempotencyKey, "buyer", buyer.Actor, cancellationToken);
    }

    public async Task<DunningRunResult> RunDunningAsync(DateTimeOffset asOf, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        if (asOf > now)
        {
            throw new ValidationFailedException("asOf", "A dunning run cannot look ahead of now.");
        }

        var settings = options.Value;
        var caller = new BillingCaller(default, Roles.Operator, actor);
        var overdue = new List<InvoiceDto>();
        for (var page = 1; ; page++)
        {
            var listed = await billing.ListInvoicesAsync(new InvoiceFilter(Status: InvoiceStatus.Finalized, Kind: InvoiceKind.Invoice), caller, new PageRequest(page, PageRequest.MaxSize), cancellationToken);
            foreach (var summary in listed.Items.Where(i => i.IssueDate is { } issued && issued <= DateOnly.FromDateTime(asOf.UtcDateTime)))
            {
                if (await billing.FindInvoiceAsync(summary.Id, caller, cancellationToken) is { DueDate: { } due } invoice && DunningSchedule.OverdueFrom(due) <= asOf)
                {
                    overdue.Add(invoice);
                }
            }

            if (!listed.HasNext)
            {
                break;
            }
        }

        var taken = new List<DunningStepDto>();
        foreach (var invoice in overdue)
        {
            var schedule = DunningSchedule.For(invoice.DueDate!.Value, settings.RetryDays, settings.SuspendAfterDays);
            var done = (await db.Set<DunningStep>().AsNoTracking().Where(s => s.InvoiceId == invoice.Id).Select(s => s.Step).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var suspendsAt = schedule.Single(s => s.Name == DunningSchedule.Suspend).At;
            foreach (var due in DunningSchedule.Due(schedule, asOf, done))
            {
                var step = due.Step.IsRetry
                    ? await RetryAsync(invoice, due, suspendsAt, actor, cancellationToken)
                    : await SuspendAsync(invoice, due.Step, actor, cancellationToken);
                if (step is null)
                {
                    break;
                }

                taken.Add(step);
                if (step.Outcome == PaymentStatus.Succeeded.ToWire())
                {
                    break;
                }
            }
        }

        return new DunningRunResult(asOf, overdue.Count, taken);
    }

    /// <summary>
    /// A retry day: charges the buyer's saved card (only the latest retry that fell, see <see cref="DunningSchedule"/>)
    /// and reminds the buyer. Null when the step could not be taken now (the gateway was unreachable; the next run tries
    /// again) or another run took it.
    /// </summary>
    private async Task<DunningStepDto?> RetryAsync(InvoiceDto invoice, DueStep due, DateTimeOffset suspendsAt, string actor, CancellationToken cancellationToken)
    {
        PaymentDto? payment = null;
        PaymentMethod? method = null;
        if (due.Charges)
        {
            method = await db.Set<PaymentMethod>().AsNoTracking()
                .Where(m => m.BuyerId == invoice.Buyer.Id && m.Gateway == gateway.Name)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (method is not null)
            {
                var key = $"dunning:{invoice.Id}:{due.Step.Name}";
                try
                {
                    payment = await FindByKeyAsync(invoice.Buyer.Id, key, cancellationToken) is { } earlier
                        ? earlier.Status == PaymentStatus.Pending ? await ResumeAsync(earlier.Id, actor, cancellationToken) : CollectionsQueries.ToDto(earlier)
                        : await ChargeAsync(invoice, method, key, "dunning", actor, cancellationToken);
                }
                catch (DomainException e) when (e.Code is "payment-gateway-unavailable" or "payment-in-progress")
                {
                    return null;
                }
            }
        }

        var outcome = !due.Charges ? "skipped" : payment?.Status.ToWire() ?? "reminded";
        return await RecordStepAsync(
            invoice, due.Step, outcome, payment?.Id, [], actor,
            payment?.Status == PaymentStatus.Succeeded || !due.Charges
                ? null
                : new InvoicePaymentOverdue(invoice.Id, invoice.Number!, invoice.Buyer.Id, invoice.Total, invoice.DueDate!.Value, due.Step.Name, method?.Last4, payment?.Status, suspendsAt, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>Suspends every agreement the invoice bills, in one transaction with the step.</summary>
    private async Task<DunningStepDto?> SuspendAsync(InvoiceDto invoice, ScheduledStep step, string actor, CancellationToken cancellationToken)
    {
        var billed = invoice.Lines.Where(l => l.AgreementId is not null).Select(l => l.AgreementId!.Value).Distinct().ToList();
        var reason = string.Create(CultureInfo.InvariantCulture, $"Invoice {invoice.Number} is unpaid {step.Day} days after its due date");
        try
        {
            return await db.InTransactionAsync(
                async ct =>
                {
                    var suspended = new List<AgreementId>();
                    foreach (var id in billed)
                    {
                        try
                        {
                            await agreements.SuspendAsync(id, reason, new AgreementsCaller(invoice.Buyer.Id, Roles.Operator, actor), ct);
                            suspended.Add(id);
                        }
                        catch (DomainException)
                        {
                            // Already suspended, cancelled or ended: nothing to suspend.
                        }
                    }

                    return await AddStepAsync(invoice, step, "suspended", null, suspended, actor, null, ct);
                },
                cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<DunningStepDto?> RecordStepAsync(
        InvoiceDto invoice, ScheduledStep step, string outcome, PaymentId? paymentId, IReadOnlyList<AgreementId> agreementIds, string actor, InvoicePaymentOverdue? reminder, CancellationToken cancellationToken)
    {
        try
        {
            return await db.InTransactionAsync(ct => AddStepAsync(invoice, step, outcome, paymentId, agreementIds, actor, reminder, ct), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run took this step first (unique per invoice and step).
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<DunningStepDto> AddStepAsync(
        InvoiceDto invoice, ScheduledStep step, string outcome, PaymentId? paymentId, IReadOnlyList<AgreementId> agreementIds, string actor, InvoicePaymentOverdue? reminder, CancellationToken cancellationToken)
    {
        var row = new DunningStep
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number!,
            BuyerId = invoice.Buyer.Id,
            Step = step.Name,
            DueAt = step.At,
            TakenAt = clock.GetUtcNow(),
            Outcome = outcome,
            PaymentId = paymentId,
            Agreements = string.Join(',', agreementIds.Select(a => a.ToString())),
            Actor = actor,
        };
        db.Add(row);
        if (reminder is not null)
        {
            outbox.Add(reminder);
        }

        audit.Record(actor, invoice.Buyer.Id.Value, "dunning." + step.Name, $"invoice:{invoice.Id}", $"{invoice.Number}: {outcome}");
        await db.SaveChangesAsync(cancellationToken);
        return CollectionsQueries.ToDto(row);
    }

    private async Task<PaymentMethod> SaveAsync(NewCard card, CollectionsCaller buyer, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = PaymentMethodId.New(clock);
        var saved = await gateway.SaveCardAsync(new CardToSave(buyer.OrganisationId.ToString(), card.Number, card.ExpMonth, card.ExpYear, card.Cvc, card.Token, id.ToString()), cancellationToken);
        var method = new PaymentMethod
        {
            Id = id,
            BuyerId = buyer.OrganisationId,
            Gateway = gateway.Name,
            Token = saved.Token,
            CustomerReference = saved.CustomerReference,
            Brand = saved.Brand,
            Last4 = saved.Last4,
            ExpMonth = saved.ExpMonth,
            ExpYear = saved.ExpYear,
            CreatedAt = now,
        };
        db.Add(method);
        audit.Record(buyer.Actor, buyer.OrganisationId.Value, "payment-method.saved", $"payment-method:{id}", $"{saved.Brand} •••• {saved.Last4} {saved.ExpMonth:00}/{saved.ExpYear} ({gateway.Name})");
        await db.SaveChangesAsync(cancellationToken);
        return method;
    }

    private async Task<PaymentDto> ChargeAsync(InvoiceDto invoice, PaymentMethod method, string key, string trigger, string actor, CancellationToken cancellationToken)
    {
        if (await db.Set<Payment>().AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Pending, cancellationToken))
        {
            throw new DomainException("payment-in-progress", $"Another payment of invoice {invoice.Number} is waiting for the card gateway; retry it with its Idempotency-Key.", DomainErrorKind.Conflict);
        }

        var payment = new Payment
        {
            Id = PaymentId.New(clock),
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number!,
            BuyerId = invoice.Buyer.Id,
            EntityCode = invoice.Issuer.EntityCode,
            PaymentMethodId = method.Id,
            CardBrand = method.Brand,
            CardLast4 = method.Last4,
            AmountMinor = invoice.Total.MinorUnits,
            Currency = invoice.Currency,
            Gateway = gateway.Name,
            Trigger = trigger,
            IdempotencyKey = key,
            Actor = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(payment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key raced in (return that attempt), or another payment of the invoice is live.
            db.ChangeTracker.Clear();
            if (await FindByKeyAsync(invoice.Buyer.Id, key, cancellationToken) is { } raced)
            {
                return CollectionsQueries.ToDto(raced);
            }

            throw new DomainException("invoice-not-payable", $"Invoice {invoice.Number} is already paid or being paid.", DomainErrorKind.Conflict);
        }

        return await ResumeAsync(payment.Id, actor, cancellationToken);
    }

    /// <summary>Asks the gateway about a pending payment (again, with the same key) and completes it with the answer.</summary>
    private async Task<PaymentDto> ResumeAsync(PaymentId id, string actor, CancellationToken cancellationToken)
    {
        var payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var method = await db.Set<PaymentMethod>().AsNoTracking().SingleAsync(m => m.Id == payment.PaymentMethodId, cancellationToken);
        GatewayCharge charge;
        try
        {
            charge = await gateway.ChargeAsync(
                new GatewayCardRef(method.Token, method.CustomerReference),
                Money.FromMinor(payment.AmountMinor, Currency.FromCode(payment.Currency)),
                $"Invoice {payment.InvoiceNumber}",
                payment.Id.ToString(),
                offSession: payment.Trigger == "dunning",
                cancellationToken);
        }
        catch (PaymentGatewayException e) when (e.IsTransient)
        {
            await db.Set<Payment>().Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Message, Truncate(e.Message)), cancellationToken);
            throw new DomainException("payment-gateway-unavailable", "The card gateway did not answer; retry with the same Idempotency-Key (nothing is charged twice).", DomainErrorKind.Conflict);
        }
        catch (PaymentGatewayException e)
        {
            charge = new GatewayCharge(PaymentStatus.Declined, null, "gateway_refused", Truncate(e.Message));
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                var row = await db.Set<Payment>().SingleAsync(p => p.Id == id, ct);
                if (row.Status != PaymentStatus.Pending)
                {
                    return CollectionsQueries.ToDto(row);
                }

                var now = clock.GetUtcNow();
                row.Complete(charge, now);
                audit.Record(actor, row.BuyerId.Value, "payment." + charge.Status.ToWire(), $"invoice:{row.InvoiceId}",
                    string.Create(CultureInfo.InvariantCulture, $"{row.InvoiceNumber}: {Money.FromMinor(row.AmountMinor, Currency.FromCode(row.Currency)).ToMajorString()} {row.Currency} by {row.CardBrand} {row.CardLast4} ({row.Gateway} {charge.Reference})"));
                if (charge.Status == PaymentStatus.Succeeded)
                {
                    // Billing saves this unit of work: the payment, the paid invoice, its InvoicePaid event and both audit lines.
                    await billingCommands.MarkPaidAsync(row.InvoiceId, now, actor, ct);
                }

                await db.SaveChangesAsync(ct);
                return CollectionsQueries.ToDto(row);
            },
            cancellationToken);
    }

    private static void RequirePayable(InvoiceDto invoice, Money? amount)
    {
        if (invoice.Kind != InvoiceKind.Invoice || invoice.Status != InvoiceStatus.Finalized)
        {
            throw new DomainException("invoice-not-payable", $"Only a finalized, unpaid invoice can be paid; {invoice.Number ?? "the draft"} is {invoice.Status.ToString().ToLowerInvariant()}.", DomainErrorKind.Conflict);
        }

        if (amount is not { } asked)
        {
            return;
        }

        if (asked.Currency != invoice.Total.Currency)
        {
            throw new ValidationFailedException("amount", $"The invoice is in {invoice.Currency}.");
        }

        if (asked > invoice.Total)
        {
            throw new DomainException("payment-exceeds-open-amount", $"Invoice {invoice.Number} has {invoice.Total.ToMajorString()} {invoice.Currency} open; a payment cannot exceed it.");
        }

        if (asked < invoice.Total)
        {
            throw new DomainException("partial-payment-not-supported", $"A card payment settles invoice {invoice.Number} in full: {invoice.Total.ToMajorString()} {invoice.Currency}.");
        }
    }

    private static void RequireBuyer(CollectionsCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Roles.Buyer)
        {
            throw new DomainException("payments-buyer-only", "Only a buyer pays its invoices and saves its cards.", DomainErrorKind.Forbidden);
        }
    }

    private Task<Payment?> FindByKeyAsync(OrganisationId buyerId, string key, CancellationToken cancellationToken) =>
        db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.BuyerId == buyerId && p.IdempotencyKey == key, cancellationToken);

    private static string Truncate(string message) => message.Length > 500 ? message[..500] : message;
}
