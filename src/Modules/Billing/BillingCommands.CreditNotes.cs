using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Numbering;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing;

/// <summary>
/// Credit notes: the only correction of a finalized invoice. A credit note credits chosen lines for amounts up to what
/// is left to credit on each (or everything left), with the lines' tax reversed in proportion; it is numbered at once in
/// the entity's credit-note series. The tax engine records every credit note for the liability report: a credit note
/// that credits a whole invoice reverses its tax quote, a partial one reverses the net and tax it credits on each line.
/// A credit note that leaves nothing on an unpaid invoice voids it.
/// </summary>
internal sealed partial class BillingCommands
{
    public async Task<InvoiceDto> IssueCreditNoteAsync(InvoiceId invoiceId, CreditNoteRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > 1000)
        {
            throw new ValidationFailedException("reason", "Say why the invoice is credited (1 to 1000 characters).");
        }

        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        if (key is not null && await FindCreditNoteAsync(invoiceId, key, cancellationToken) is { } replay)
        {
            return replay;
        }

        var original = await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == invoiceId, cancellationToken)
            ?? throw NotFound(invoiceId);
        if (original.Kind != InvoiceKind.Invoice || original.Status is not (InvoiceStatus.Finalized or InvoiceStatus.Paid))
        {
            throw new DomainException("invoice-not-creditable", $"Only a finalized or paid invoice can be credited; {original.Describe()} is {Invoice.Wire(original.Status)}.", DomainErrorKind.Conflict);
        }

        var currency = Currency.FromCode(original.Currency);
        var credited = await (
                from line in db.Set<InvoiceLine>().AsNoTracking()
                join note in db.Set<Invoice>().AsNoTracking() on line.InvoiceId equals note.Id
                where note.CorrectsInvoiceId == invoiceId && note.Kind == InvoiceKind.CreditNote
                select new { line.CreditsLineNumber, line.AmountMinor, line.TaxMinor })
            .ToListAsync(cancellationToken);
        var creditedBefore = credited.Count > 0;
        var left = original.Lines.ToDictionary(
            l => l.LineNumber,
            l => (Amount: l.AmountMinor + credited.Where(c => c.CreditsLineNumber == l.LineNumber).Sum(c => c.AmountMinor),
                  Tax: l.TaxMinor + credited.Where(c => c.CreditsLineNumber == l.LineNumber).Sum(c => c.TaxMinor)));

        var wanted = request.Lines is { Count: > 0 } chosen
            ? chosen.Select((c, i) => (Index: i, c.LineNumber, c.Amount)).ToList()
            : original.Lines.Where(l => left[l.LineNumber].Amount > 0).Select((l, i) => (Index: i, l.LineNumber, Amount: (Money?)null)).ToList();
        if (wanted.Count == 0)
        {
            throw new DomainException("nothing-to-credit", $"Everything on {original.Number} has been credited already.", DomainErrorKind.Conflict);
        }

        var validation = new Validation();
        var creditLines = new List<(InvoiceLine Line, long Amount, long Tax)>();
        foreach (var (index, lineNumber, amount) in wanted)
        {
            var line = original.Lines.SingleOrDefault(l => l.LineNumber == lineNumber);
            if (line is null)
            {
                validation.Add($"lines[{index}].lineNumber", $"{original.Number} has no line {lineNumber}.");
                continue;
            }

            var (amountLeft, taxLeft) = left[lineNumber];
            if (amount is { } money && money.Currency != currency)
            {
                validation.Add($"lines[{index}].amount", $"Give the amount in the invoice's currency, {currency.Code}.");
                continue;
            }

            var minor = amount?.MinorUnits ?? amountLeft;
            if (minor <= 0)
            {
                validation.Add($"lines[{index}].amount", "Credit a positive amount.");
                continue;
            }

            if (minor > amountLeft || creditLines.Any(c => c.Line.LineNumber == lineNumber))
            {
                throw new DomainException(
                    "credit-exceeds-remaining",
                    $"Line {lineNumber} of {original.Number} has {Money.FromMinor(amountLeft, currency).ToMajorString()} {currency.Code} left to credit; {Money.FromMinor(minor, currency).ToMajorString()} was asked.",
                    DomainErrorKind.Conflict);
            }

            // The tax is reversed in proportion to the net credited, rounded once; crediting what is left takes all the tax left.
            var taxMinor = minor == amountLeft
                ? taxLeft
                : Math.Min(taxLeft, (long)decimal.Round((decimal)line.TaxMinor * minor / line.AmountMinor, 0, MidpointRounding.AwayFromZero));
            creditLines.Add((line, minor, taxMinor));
        }

        validation.ThrowIfInvalid();
        var entity = await accounts.FindOperatorEntityAsync(original.IssuerEntityCode, cancellationToken)
            ?? throw new DomainException("issuing-entity-not-found", $"The issuing entity {original.IssuerEntityCode} does not exist.", DomainErrorKind.Conflict);
        var whole = !creditedBefore && creditLines.Count == original.Lines.Count && creditLines.All(c => c.Amount == c.Line.AmountMinor);
        var fullyCredited = original.Lines.All(l => left[l.LineNumber].Amount == creditLines.Where(c => c.Line.LineNumber == l.LineNumber).Sum(c => c.Amount));
        var taxCurrencyRate = original.TaxCurrency is { } taxCurrencyCode
            ? (await RateAsync(original.Currency, taxCurrencyCode, original.IssueDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken)).Rate
            : (decimal?)null;

        try
        {
            var note = await db.InTransactionAsync(
                async ct =>
                {
                    var now = clock.GetUtcNow();
                    var year = now.UtcDateTime.Year;
                    var number = InvoiceNumbers.Format(entity.InvoiceSeries.Prefix, InvoiceKind.CreditNote, year, await InvoiceNumbers.TakeAsync(db, entity.Code, InvoiceKind.CreditNote, year, 1, ct));
                    var invoice = await db.Set<Invoice>().SingleAsync(i => i.Id == invoiceId, ct);
                    var id = InvoiceId.New(clock);
                    var lines = creditLines.Select((c, i) => new InvoiceLine
                    {
                        Id = Guid.CreateVersion7(now),
                        InvoiceId = id,
                        LineNumber = i + 1,
                        Kind = InvoiceLineKind.Credit,
                        AgreementId = c.Line.AgreementId,
                        ProductId = c.Line.ProductId,
                        SellerId = c.Line.SellerId,
                        ProductTitle = c.Line.ProductTitle,
                        Dimension = c.Line.Dimension,
                        Description = c.Line.Description,
                        Quantity = c.Amount == c.Line.AmountMinor ? c.Line.Quantity : 1m,
                        Unit = c.Amount == c.Line.AmountMinor ? c.Line.Unit : "credit",
                        UnitPrice = c.Amount == c.Line.AmountMinor ? c.Line.UnitPrice : Money.FromMinor(c.Amount, currency).ToMajorString(),
                        AmountMinor = -c.Amount,
                        ExactAmount = c.Line.AmountMinor == 0 ? 0m : -c.Line.ExactAmount * c.Amount / c.Line.AmountMinor,
                        PlanCurrency = c.Line.PlanCurrency,
                        InstallmentNumber = c.Line.InstallmentNumber,
                        ServiceStart = c.Line.ServiceStart,
                        ServiceEnd = c.Line.ServiceEnd,
                        TaxCode = c.Line.TaxCode,
                        TaxJurisdiction = c.Line.TaxJurisdiction,
                        TaxType = c.Line.TaxType,
                        TaxRate = c.Line.TaxRate,
                        TaxTreatment = c.Line.TaxTreatment,
                        TaxCategory = c.Line.TaxCategory,
                        TaxMinor = -c.Tax,
                        TaxNote = c.Line.TaxNote,
                        StepsJson = "[]",
                        CreditsLineNumber = c.Line.LineNumber,
                    }).ToList();
                    var legends = InvoiceJson.ReadLegends(original.LegendsJson).Where(l => l != InvoiceLegends.CorrectsInvoice).Append(InvoiceLegends.CorrectsInvoice).ToList();
                    var taxCurrency = original.TaxCurrency is { } code ? Currency.FromCode(code) : null;
                    var subtotals = InvoiceTaxes.Subtotals(lines, currency, taxCurrencyRate, taxCurrency);
                    var note = new Invoice
                    {
                        Id = id,
                        Kind = InvoiceKind.CreditNote,
                        BuyerId = original.BuyerId,
                        BuyerName = original.BuyerName,
                        BuyerCountry = original.BuyerCountry,
                        BuyerJson = original.BuyerJson,
                        IssuerEntityCode = original.IssuerEntityCode,
                        IssuerJson = original.IssuerJson,
                        Currency = original.Currency,
                        Language = original.Language,
                        PeriodStart = original.PeriodStart,
                        PeriodEnd = original.PeriodEnd,
                        TaxCurrency = original.TaxCurrency,
                        TotalTaxInTaxCurrencyMinor = taxCurrency is null ? null : subtotals.Sum(s => s.TaxInTaxCurrencyMinor ?? 0),
                        TaxSubtotalsJson = InvoiceJson.Write(subtotals),
                        ConversionJson = original.ConversionJson,
                        PaymentReference = original.PaymentReference,
                        CorrectsInvoiceId = original.Id,
                        CorrectsInvoiceNumber = original.Number,
                        LegendsJson = InvoiceJson.Write(legends),
                        TaxQuoteId = whole ? original.TaxQuoteId : null,
                        IdempotencyKey = key,
                        GroupKey = $"credit|{original.Id}",
                        CreatedAt = now,
                        Lines = lines,
                    };
                    note.Recalculate();
                    note.Finalize(number, DateOnly.FromDateTime(now.UtcDateTime), 0, now);
                    db.Add(note);
                    if (fullyCredited && invoice.Status == InvoiceStatus.Finalized)
                    {
                        invoice.MarkVoid(reason, now);
                        outbox.Add(new InvoiceVoided(invoice.Id, invoice.Number, invoice.BuyerId, note.Id, reason, now));
                    }

                    await db.SaveChangesAsync(ct);
                    if (original.TaxQuoteId is { } quoteId)
                    {
                        // The tax engine records the reversal for the liability report: the whole quote, or exactly the
                        // net and tax this note credits on each line (the quote's line ids are the line numbers).
                        if (whole)
                        {
                            await tax.ReverseAsync(quoteId, number, actor, ct);
                        }
                        else
                        {
                            await tax.ReverseLinesAsync(
                                quoteId,
                                number,
                                creditLines.Select(c => new TaxLineReversal(c.Line.LineNumber.ToString(CultureInfo.InvariantCulture), Money.FromMinor(c.Amount, currency), Money.FromMinor(c.Tax, currency))).ToList(),
                                actor,
                                ct);
                        }
                    }

                    Publish(note, now);
                    audit.Record(actor, note.BuyerId.Value, "credit-note.issued", $"invoice:{note.Id}",
                        string.Create(CultureInfo.InvariantCulture, $"{number} credits {original.Number}: {Money.FromMinor(note.TotalMinor, currency).ToMajorString()} {currency.Code}; {reason}"));
                    await db.SaveChangesAsync(ct);
                    return note;
                },
                cancellationToken);
            return InvoiceMapping.ToDto(note);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("invoice-changed", $"Invoice {invoiceId} was changed by another request; read it again.", DomainErrorKind.Conflict);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key raced us: the first credit note stands.
            db.ChangeTracker.Clear();
            return await FindCreditNoteAsync(invoiceId, key, cancellationToken)
                ?? throw new DomainException("invoice-changed", $"Invoice {invoiceId} was changed by another request; read it again.", DomainErrorKind.Conflict);
        }
    }

    private async Task<InvoiceDto?> FindCreditNoteAsync(InvoiceId invoiceId, string key, CancellationToken cancellationToken) =>
        await db.Set<Invoice>().AsNoTracking().Include(i => i.Lines)
            .SingleOrDefaultAsync(i => i.CorrectsInvoiceId == invoiceId && i.IdempotencyKey == key, cancellationToken) is { } found
            ? InvoiceMapping.ToDto(found)
            : null;
}
