using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Contracts.Tax;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Tax.Liability;
using Tradewind.Tax.Rates;
using Tradewind.Tax.Rules;
using Tradewind.Tax.TaxIds;

namespace Tradewind.Tax.Quotes;

/// <summary>Quotes, stores, commits and reverses tax quotes (<see cref="ITaxQuotes"/>).</summary>
internal sealed class TaxQuoteService(
    TradewindDbContext db,
    RateBook book,
    TaxCalculator calculator,
    TaxIdChecker taxIds,
    IAccountsQueries accounts,
    ICurrencyConverter converter,
    AuditTrail audit,
    TimeProvider clock) : ITaxQuotes
{
    public const int MaxLines = 500;

    public const string InvoiceKind = "invoice";

    public const string CreditNoteKind = "credit_note";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TaxQuoteDto> QuoteAsync(TaxQuoteRequest request, string actor, CancellationToken cancellationToken)
    {
        var quote = await BuildQuoteAsync(request, actor, null, cancellationToken);
        db.Add(quote);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(quote);
    }

    public async Task<IReadOnlyList<TaxQuoteDto>> QuoteManyAsync(IReadOnlyList<TaxQuoteRequest> requests, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        // Entities are resolved once per (entity, buyer country, seller country) in the batch, not once per quote.
        var entities = new Dictionary<(string?, string, string?), SellingEntity>();
        var quotes = new List<TaxQuote>(requests.Count);
        foreach (var request in requests)
        {
            quotes.Add(await BuildQuoteAsync(request, actor, entities, cancellationToken));
        }

        db.AddRange(quotes);
        await db.SaveChangesAsync(cancellationToken);
        return quotes.Select(ToDto).ToList();
    }

    /// <summary>Works out one quote (not yet stored).</summary>
    private async Task<TaxQuote> BuildQuoteAsync(
        TaxQuoteRequest request, string actor, Dictionary<(string?, string, string?), SellingEntity>? entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sellerCountry = string.IsNullOrWhiteSpace(request.SellerCountry) ? null : request.SellerCountry.Trim().ToUpperInvariant();
        var (buyerCountry, subdivision, currency) = Validate(request);

        var entityKey = (request.IssuingEntity?.Trim(), buyerCountry, sellerCountry);
        if (entities is null || !entities.TryGetValue(entityKey, out var entity))
        {
            entity = await ResolveEntityAsync(request.IssuingEntity, buyerCountry, sellerCountry, cancellationToken);
            entities?.Add(entityKey, entity);
        }

        var taxIdCheck = string.IsNullOrWhiteSpace(request.Buyer.TaxId) ? null : await taxIds.CheckAsync(buyerCountry, request.Buyer.TaxId, cancellationToken);
        var sale = new TaxSale(
            request.Date,
            entity,
            buyerCountry,
            subdivision,
            request.Buyer.IsBusiness,
            taxIdCheck?.Normalized ?? request.Buyer.TaxId?.Trim(),
            taxIdCheck is { Valid: true } && taxIdCheck.Registered != false,
            taxIdCheck is null ? null : taxIdCheck.Registered == false ? $"{taxIdCheck.Registry} does not know this number" : taxIdCheck.Reason,
            request.Lines.Select(l => new SaleLine(l.Id.Trim(), l.Amount, l.TaxCode.Trim())).ToList());
        var lines = calculator.Calculate(sale);
        var total = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.TaxAmount);

        var quote = new TaxQuote
        {
            Id = TaxQuoteId.New(clock),
            Date = request.Date,
            IssuingEntity = entity.Code,
            BuyerCountry = buyerCountry,
            Currency = currency.Code,
            TotalTaxMinor = total.MinorUnits,
            RatesVersion = book.Version,
            RequestJson = JsonSerializer.Serialize(
                new StoredRequest(
                    request.Date,
                    request.IssuingEntity,
                    sellerCountry,
                    new StoredBuyer(buyerCountry, subdivision, request.Buyer.TaxId, request.Buyer.IsBusiness),
                    request.Lines.Select(l => new StoredRequestLine(l.Id, l.Amount.ToMajorString(), l.Amount.Currency.Code, l.TaxCode)).ToList()),
                Json),
            ResultJson = JsonSerializer.Serialize(
                new StoredResult(
                    taxIdCheck is null ? null : new StoredTaxIdCheck(taxIdCheck.Valid, taxIdCheck.Normalized, taxIdCheck.Type, taxIdCheck.Reason, taxIdCheck.Registered, taxIdCheck.Registry),
                    lines.Select(l => new StoredLine(
                        l.Id, l.Jurisdiction, l.TaxType, TaxRules.FormatRate(l.Rate), l.TaxableAmount.ToMajorString(), l.TaxAmount.ToMajorString(), l.Treatment, l.Rule, l.Note,
                        l.TaxableShare == 1m ? null : TaxRules.FormatRate(l.TaxableShare))).ToList()),
                Json),
            CreatedBy = actor,
            CreatedAt = clock.GetUtcNow(),
        };
        return quote;
    }

    public async Task<TaxQuoteDto?> FindQuoteAsync(TaxQuoteId id, CancellationToken cancellationToken)
    {
        var quote = await db.Set<TaxQuote>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        return quote is null ? null : ToDto(quote);
    }

    public Task<TaxCommitDto> CommitAsync(TaxQuoteId id, string documentNumber, string actor, CancellationToken cancellationToken) =>
        RecordAsync(id, documentNumber, InvoiceKind, actor, cancellationToken);

    public Task<IReadOnlyList<TaxCommitDto>> CommitManyAsync(IReadOnlyList<(TaxQuoteId Id, string DocumentNumber)> commits, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        foreach (var (_, documentNumber) in commits)
        {
            if ((documentNumber?.Trim() ?? "").Length is 0 or > 60)
            {
                throw new ValidationFailedException("documentNumber", "Give the number of the finalized document (1 to 60 characters).");
            }
        }

        return db.InTransactionAsync<IReadOnlyList<TaxCommitDto>>(
            async ct =>
            {
                var ids = commits.Select(c => c.Id).ToList();
                var quotes = (await db.Set<TaxQuote>().Where(q => ids.Contains(q.Id)).ToListAsync(ct)).ToDictionary(q => q.Id);
                var results = new List<TaxCommitDto>(commits.Count);
                // A conversion into a return currency saves its record as it goes; with many documents tracked, scanning
                // all of them on each of those saves would cost more than the batch saves. Changes are detected once, below.
                var detect = db.ChangeTracker.AutoDetectChangesEnabled;
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                try
                {
                    foreach (var (id, documentNumber) in commits)
                    {
                        var quote = quotes.GetValueOrDefault(id)
                            ?? throw new DomainException("tax-quote-not-found", "There is no tax quote with this id.", DomainErrorKind.NotFound);
                        if (quote.CommittedAs is not null)
                        {
                            // Committed before: the single commit answers it (and refuses another number).
                            results.Add(await RecordAsync(id, documentNumber, InvoiceKind, actor, ct));
                            continue;
                        }

                        results.Add(await AddTransactionsAsync(quote, documentNumber.Trim(), Nets(quote), Microseconds(clock.GetUtcNow()), actor, ct));
                    }
                }
                finally
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = detect;
                }

                await db.SaveChangesAsync(ct);
                return results;
            },
            cancellationToken);
    }

    public Task<TaxCommitDto> ReverseAsync(TaxQuoteId id, string creditNoteNumber, string actor, CancellationToken cancellationToken) =>
        RecordAsync(id, creditNoteNumber, CreditNoteKind, actor, cancellationToken);

    public Task<TaxCommitDto> ReverseLinesAsync(TaxQuoteId id, string creditNoteNumber, IReadOnlyList<TaxLineReversal> lines, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var number = DocumentNumber(creditNoteNumber);
        var validation = new Validation();
        if (lines.Count is 0 or > MaxLines)
        {
            validation.Add("lines", $"Give between 1 and {MaxLines} lines to reverse.");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].LineId) || lines.Take(i).Any(l => string.Equals(l.LineId, lines[i].LineId, StringComparison.Ordinal)))
            {
                validation.Add($"lines[{i}].lineId", "Name each quoted line once.");
            }
        }

        validation.ThrowIfInvalid();
        return db.InTransactionAsync(
            async ct =>
            {
                var quote = await db.Set<TaxQuote>().SingleOrDefaultAsync(q => q.Id == id, ct)
                    ?? throw new DomainException("tax-quote-not-found", "There is no tax quote with this id.", DomainErrorKind.NotFound);
                if (quote.CommittedAs is null)
                {
                    throw new DomainException("tax-quote-not-committed", "Only a committed quote can be reversed by a credit note.", DomainErrorKind.Conflict);
                }

                var rows = await db.Set<TaxTransaction>().Where(t => t.QuoteId == id).ToListAsync(ct);
                var credits = rows.Where(t => t.Kind == CreditNoteKind).ToList();
                if (credits.Where(t => t.DocumentNumber == number).ToList() is { Count: > 0 } done)
                {
                    return new TaxCommitDto(id, number, CreditNoteKind, done.Count, done[0].CommittedAt);
                }

                if (quote.ReversedBy is not null)
                {
                    throw new DomainException("tax-quote-already-reversed", $"This quote was already reversed in full by {quote.ReversedBy}.", DomainErrorKind.Conflict);
                }

                var currency = Currency.FromCode(quote.Currency);
                var nets = JsonSerializer.Deserialize<StoredRequest>(quote.RequestJson, Json)!.Lines
                    .ToDictionary(l => l.Id.Trim(), l => Money.Parse(l.Amount, currency).MinorUnits, StringComparer.Ordinal);
                var now = Microseconds(clock.GetUtcNow());
                var lineNo = credits.Count == 0 ? 0 : credits.Max(t => t.LineNo) + 1;
                var recorded = 0;
                foreach (var (reversal, index) in lines.Select((l, i) => (l, i)))
                {
                    var lineId = reversal.LineId.Trim();
                    var committed = rows.SingleOrDefault(t => t.Kind == InvoiceKind && string.Equals(t.LineId, lineId, StringComparison.Ordinal))
                        ?? throw new ValidationFailedException($"lines[{index}].lineId", $"The quote has no committed line '{lineId}'.");
                    if (reversal.Net.Currency != currency || reversal.Tax.Currency != currency)
                    {
                        throw new ValidationFailedException($"lines[{index}]", $"Give the amounts in the quote's currency, {currency.Code}.");
                    }

                    var before = credits.Where(t => string.Equals(t.LineId, lineId, StringComparison.Ordinal)).ToList();
                    var left = new Remaining(
                        nets.GetValueOrDefault(lineId) + before.Sum(t => t.NetMinor ?? 0),
                        committed.TaxableMinor + before.Sum(t => t.TaxableMinor),
                        committed.TaxMinor + before.Sum(t => t.TaxMinor),
                        committed.TaxableReturnMinor + before.Sum(t => t.TaxableReturnMinor),
                        committed.TaxReturnMinor + before.Sum(t => t.TaxReturnMinor));
                    var net = reversal.Net.MinorUnits;
                    var tax = reversal.Tax.MinorUnits;
                    if (!Within(net, left.Net) || !Within(tax, left.Tax))
                    {
                        throw new DomainException(
                            "tax-reversal-exceeds-committed",
                            string.Create(CultureInfo.InvariantCulture, $"Line {lineId} has {Money.FromMinor(left.Net, currency).ToMajorString()} net and {Money.FromMinor(left.Tax, currency).ToMajorString()} tax left to reverse; {reversal.Net.ToMajorString()} and {reversal.Tax.ToMajorString()} were asked."),
                            DomainErrorKind.Conflict);
                    }

                    // The taxed part of the net in the quote's proportion (Texas 80 %); crediting all that is left of
                    // the line takes all of its taxable amount left, so the line nets to zero exactly.
                    var whole = net == left.Net;
                    var lineNet = nets.GetValueOrDefault(lineId);
                    var taxable = whole || lineNet == 0
                        ? left.Taxable
                        : Math.Clamp((long)decimal.Round((decimal)committed.TaxableMinor * net / lineNet, 0, MidpointRounding.AwayFromZero), Math.Min(0, left.Taxable), Math.Max(0, left.Taxable));
                    long taxableReturn, taxReturn;
                    var fx = committed.FxRate;
                    if (whole && tax == left.Tax)
                    {
                        (taxableReturn, taxReturn) = (left.TaxableReturn, left.TaxReturn);
                    }
                    else
                    {
                        var returnCurrency = Currency.FromCode(committed.ReturnCurrency);
                        var converted = await ConvertAsync(Money.FromMinor(taxable, currency), Money.FromMinor(tax, currency), returnCurrency, quote.Date, $"tax {CreditNoteKind} {number} line {lineId}", ct);
                        (taxableReturn, taxReturn, fx) = (converted.Taxable.MinorUnits, converted.Tax.MinorUnits, converted.Rate);
                    }

                    db.Add(new TaxTransaction
                    {
                        QuoteId = id,
                        Kind = CreditNoteKind,
                        LineNo = lineNo++,
                        LineId = lineId,
                        DocumentNumber = number,
                        // A credit note reduces the liability of the period it is issued in.
                        TaxDate = DateOnly.FromDateTime(now.UtcDateTime),
                        IssuingEntity = quote.IssuingEntity,
                        Jurisdiction = committed.Jurisdiction,
                        TaxType = committed.TaxType,
                        Treatment = committed.Treatment,
                        Rule = committed.Rule,
                        Rate = committed.Rate,
                        Currency = currency.Code,
                        NetMinor = -net,
                        TaxableMinor = -taxable,
                        TaxMinor = -tax,
                        ReturnCurrency = committed.ReturnCurrency,
                        TaxableReturnMinor = -taxableReturn,
                        TaxReturnMinor = -taxReturn,
                        FxRate = fx,
                        CommittedAt = now,
                    });
                    recorded++;
                }

                audit.Record(actor, null, "tax.quote.partially_reversed", $"tax-quote:{id}", string.Create(CultureInfo.InvariantCulture, $"{number}: {recorded} lines"));
                await db.SaveChangesAsync(ct);
                return new TaxCommitDto(id, number, CreditNoteKind, recorded, now);
            },
            cancellationToken);

        // Same sign as what is left (a credit takes back part of a charge, never more) and no larger.
        static bool Within(long asked, long left) => asked == 0 || (Math.Sign(asked) == Math.Sign(left) && Math.Abs(asked) <= Math.Abs(left));
    }

    private static string DocumentNumber(string? documentNumber)
    {
        var number = documentNumber?.Trim() ?? "";
        if (number.Length is 0 or > 60)
        {
            throw new ValidationFailedException("documentNumber", "Give the number of the finalized document (1 to 60 characters).");
        }

        return number;
    }

    /// <summary>Microseconds: what PostgreSQL keeps, so a repeated call answers the same instant as the first.</summary>
    private static DateTimeOffset Microseconds(DateTimeOffset now) => now.AddTicks(-(now.Ticks % 10));

    private Task<TaxCommitDto> RecordAsync(TaxQuoteId id, string documentNumber, string kind, string actor, CancellationToken cancellationToken)
    {
        var number = DocumentNumber(documentNumber);
        return db.InTransactionAsync(
            async ct =>
            {
                var quote = await db.Set<TaxQuote>().SingleOrDefaultAsync(q => q.Id == id, ct)
                    ?? throw new DomainException("tax-quote-not-found", "There is no tax quote with this id.", DomainErrorKind.NotFound);
                var existing = kind == InvoiceKind ? quote.CommittedAs : quote.ReversedBy;
                if (existing is not null)
                {
                    if (!string.Equals(existing, number, StringComparison.Ordinal))
                    {
                        throw kind == InvoiceKind
                            ? new DomainException("tax-quote-already-committed", $"This quote was already committed as {existing}.", DomainErrorKind.Conflict)
                            : new DomainException("tax-quote-already-reversed", $"This quote was already reversed by {existing}.", DomainErrorKind.Conflict);
                    }

                    var count = await db.Set<TaxTransaction>().CountAsync(t => t.QuoteId == id && t.Kind == kind && t.DocumentNumber == existing, ct);
                    return new TaxCommitDto(id, existing, kind, count, (kind == InvoiceKind ? quote.CommittedAt : quote.ReversedAt)!.Value);
                }

                if (kind == CreditNoteKind && quote.CommittedAs is null)
                {
                    throw new DomainException("tax-quote-not-committed", "Only a committed quote can be reversed by a credit note.", DomainErrorKind.Conflict);
                }

                var now = Microseconds(clock.GetUtcNow());
                var result = JsonSerializer.Deserialize<StoredResult>(quote.ResultJson, Json)!;
                var currency = Currency.FromCode(quote.Currency);
                var nets = JsonSerializer.Deserialize<StoredRequest>(quote.RequestJson, Json)!.Lines
                    .ToDictionary(l => l.Id.Trim(), l => Money.Parse(l.Amount, currency).MinorUnits, StringComparer.Ordinal);
                var lineNo = 0;
                if (kind == CreditNoteKind)
                {
                    // A full reversal takes back what the lines committed less what partial credit notes took already.
                    var rows = await db.Set<TaxTransaction>().Where(t => t.QuoteId == id).ToListAsync(ct);
                    var credits = rows.Where(t => t.Kind == CreditNoteKind).ToList();
                    lineNo = credits.Count == 0 ? 0 : credits.Max(t => t.LineNo) + 1;
                    var reversed = 0;
                    foreach (var committed in rows.Where(t => t.Kind == InvoiceKind).OrderBy(t => t.LineNo))
                    {
                        var before = credits.Where(t => string.Equals(t.LineId, committed.LineId, StringComparison.Ordinal)).ToList();
                        db.Add(new TaxTransaction
                        {
                            QuoteId = id,
                            Kind = kind,
                            LineNo = lineNo++,
                            LineId = committed.LineId,
                            DocumentNumber = number,
                            // A credit note reduces the liability of the period it is issued in.
                            TaxDate = DateOnly.FromDateTime(now.UtcDateTime),
                            IssuingEntity = committed.IssuingEntity,
                            Jurisdiction = committed.Jurisdiction,
                            TaxType = committed.TaxType,
                            Treatment = committed.Treatment,
                            Rule = committed.Rule,
                            Rate = committed.Rate,
                            Currency = committed.Currency,
                            NetMinor = -((committed.NetMinor ?? nets.GetValueOrDefault(committed.LineId)) + before.Sum(t => t.NetMinor ?? 0)),
                            TaxableMinor = -(committed.TaxableMinor + before.Sum(t => t.TaxableMinor)),
                            TaxMinor = -(committed.TaxMinor + before.Sum(t => t.TaxMinor)),
                            ReturnCurrency = committed.ReturnCurrency,
                            TaxableReturnMinor = -(committed.TaxableReturnMinor + before.Sum(t => t.TaxableReturnMinor)),
                            TaxReturnMinor = -(committed.TaxReturnMinor + before.Sum(t => t.TaxReturnMinor)),
                            FxRate = committed.FxRate,
                            CommittedAt = now,
                        });
                        reversed++;
                    }

                    quote.ReversedBy = number;
                    quote.ReversedAt = now;
                    audit.Record(actor, null, "tax.quote.reversed", $"tax-quote:{id}", number);
                    await db.SaveChangesAsync(ct);
                    return new TaxCommitDto(id, number, kind, reversed, now);
                }

                var recorded = await AddTransactionsAsync(quote, number, nets, now, actor, ct);
                await db.SaveChangesAsync(ct);
                return recorded;
            },
            cancellationToken);
    }

    /// <summary>What is left of a committed line after earlier partial reversals, in the quote's and the return currency.</summary>
    private sealed record Remaining(long Net, long Taxable, long Tax, long TaxableReturn, long TaxReturn);

    /// <summary>Each line's net amount as quoted, in minor units.</summary>
    private static Dictionary<string, long> Nets(TaxQuote quote)
    {
        var currency = Currency.FromCode(quote.Currency);
        return JsonSerializer.Deserialize<StoredRequest>(quote.RequestJson, Json)!.Lines
            .ToDictionary(l => l.Id.Trim(), l => Money.Parse(l.Amount, currency).MinorUnits, StringComparer.Ordinal);
    }

    /// <summary>Adds the quote's tax transactions for the invoice <paramref name="number"/> and marks the quote committed (saved by the caller).</summary>
    private async Task<TaxCommitDto> AddTransactionsAsync(TaxQuote quote, string number, Dictionary<string, long> nets, DateTimeOffset now, string actor, CancellationToken ct)
    {
        var id = quote.Id;
        var result = JsonSerializer.Deserialize<StoredResult>(quote.ResultJson, Json)!;
        var currency = Currency.FromCode(quote.Currency);
        var lineNo = 0;
        foreach (var line in result.Lines)
        {
            var returnCurrency = ReturnCurrency(line.Jurisdiction, currency);
            // Signed: a negative line (a re-priced tier, a negative late-usage difference) reduces the liability.
            var taxable = Money.Parse(line.TaxableAmount, currency);
            var tax = Money.Parse(line.TaxAmount, currency);
            // Saved with the commit (the caller saves once for the whole document or batch).
            var (taxableReturn, taxReturn, fx) = await ConvertAsync(taxable, tax, returnCurrency, quote.Date, $"tax {InvoiceKind} {number} line {line.Id}", ct, save: false);
            db.Add(new TaxTransaction
            {
                QuoteId = id,
                Kind = InvoiceKind,
                LineNo = lineNo++,
                LineId = line.Id,
                DocumentNumber = number,
                TaxDate = quote.Date,
                IssuingEntity = quote.IssuingEntity,
                Jurisdiction = line.Jurisdiction,
                TaxType = line.TaxType,
                Treatment = line.Treatment,
                Rule = line.Rule,
                Rate = decimal.Parse(line.Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                Currency = currency.Code,
                NetMinor = nets.GetValueOrDefault(line.Id),
                TaxableMinor = taxable.MinorUnits,
                TaxMinor = tax.MinorUnits,
                ReturnCurrency = returnCurrency.Code,
                TaxableReturnMinor = taxableReturn.MinorUnits,
                TaxReturnMinor = taxReturn.MinorUnits,
                FxRate = fx,
                CommittedAt = now,
            });
        }

        quote.CommittedAs = number;
        quote.CommittedAt = now;
        audit.Record(actor, null, "tax.quote.committed", $"tax-quote:{id}", number);
        return new TaxCommitDto(id, number, InvoiceKind, lineNo, now);
    }

    private async Task<(Money Taxable, Money Tax, decimal Rate)> ConvertAsync(Money taxable, Money tax, Currency target, DateOnly day, string purpose, CancellationToken cancellationToken, bool save = true)
    {
        if (taxable.Currency == target)
        {
            return (taxable, tax, 1m);
        }

        var convertedTaxable = save
            ? await converter.ConvertAsync(taxable, target, day, MidpointRounding.AwayFromZero, purpose + " taxable", cancellationToken)
            : await converter.ConvertWithoutSavingAsync(taxable, target, day, MidpointRounding.AwayFromZero, purpose + " taxable", cancellationToken);
        var convertedTax = save
            ? await converter.ConvertAsync(tax, target, day, MidpointRounding.AwayFromZero, purpose + " tax", cancellationToken)
            : await converter.ConvertWithoutSavingAsync(tax, target, day, MidpointRounding.AwayFromZero, purpose + " tax", cancellationToken);
        return (convertedTaxable.To, convertedTax.To, convertedTax.Rate);
    }

    private Currency ReturnCurrency(string jurisdiction, Currency fallback) =>
        jurisdiction.Length >= 2 && book.Jurisdictions.TryGetValue(jurisdiction[..2], out var j) ? Currency.FromCode(j.ReturnCurrency) : fallback;

    private (string Country, string? Subdivision, Currency Currency) Validate(TaxQuoteRequest request)
    {
        var validation = new Validation();
        if (request.Date < book.CoverageFrom || request.Date > book.CoverageTo)
        {
            validation.Add("date", $"The rates file (version {book.Version}) covers tax dates from {book.CoverageFrom:yyyy-MM-dd} to {book.CoverageTo:yyyy-MM-dd}.");
        }

        var buyer = request.Buyer;
        string country = "";
        if (buyer is null || !CountryCode.TryParse(buyer.Country?.Trim().ToUpperInvariant(), out var code))
        {
            validation.Add("buyer.country", "Give the buyer's country as an ISO 3166-1 alpha-2 code, e.g. DE.");
        }
        else
        {
            country = code.Value;
        }

        string? subdivision = null;
        if (!string.IsNullOrWhiteSpace(buyer?.Subdivision) && country.Length == 2)
        {
            var text = buyer.Subdivision.Trim().ToUpperInvariant();
            if (!text.Contains('-', StringComparison.Ordinal))
            {
                text = $"{country}-{text}";
            }

            if (SubdivisionCode.TryParse(text, out var sub) && sub.Country.Value == country)
            {
                subdivision = sub.Value;
            }
            else
            {
                validation.Add("buyer.subdivision", $"'{buyer.Subdivision}' is not an ISO 3166-2 subdivision of {country}, e.g. {country}-{(country == "CA" ? "QC" : "NY")}.");
            }
        }
        else if (TaxRules.SubdivisionRequired.Contains(country))
        {
            validation.Add("buyer.subdivision", $"Tax in {country} depends on the buyer's state or province: give it, e.g. {(country == "CA" ? "CA-QC" : "US-NY")}.");
        }

        Currency? currency = null;
        var lines = request.Lines ?? [];
        if (lines.Count is 0 or > MaxLines)
        {
            validation.Add("lines", $"Give between 1 and {MaxLines} lines.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line.Id) || line.Id.Trim().Length > 100 || !ids.Add(line.Id.Trim()))
            {
                validation.Add($"lines[{i}].id", "Give each line a unique id of up to 100 characters.");
            }

            currency ??= line.Amount.Currency;
            if (line.Amount.Currency != currency)
            {
                validation.Add($"lines[{i}].currency", $"Every line of a quote is in one currency; line 0 is in {currency.Code}.");
            }

            if (string.IsNullOrWhiteSpace(line.TaxCode) || !book.TaxCodes.ContainsKey(line.TaxCode.Trim()))
            {
                validation.Add($"lines[{i}].taxCode", $"Unknown tax code '{line.TaxCode}'; known codes: {string.Join(", ", book.TaxCodes.Keys)}.");
            }
        }

        // A line may be negative (a re-priced volume tier, a late-usage difference that lowers a charge) and is taxed
        // with its sign; a document that gives back more than it charges is a credit note, not a quote.
        if (currency is not null && lines.All(l => l.Amount.Currency == currency) && lines.Sum(l => l.Amount.MinorUnits) < 0)
        {
            validation.Add("lines", "The lines add up to a negative amount; credit a committed quote with a credit note instead.");
        }

        validation.ThrowIfInvalid();
        return (country, subdivision, currency!);
    }

    private async Task<SellingEntity> ResolveEntityAsync(string? code, string buyerCountry, string? sellerCountry, CancellationToken cancellationToken)
    {
        var entityCode = code?.Trim();
        if (string.IsNullOrEmpty(entityCode))
        {
            entityCode = (await accounts.ResolveIssuingEntityAsync(buyerCountry, sellerCountry ?? buyerCountry, cancellationToken)).Code;
        }

        var entity = await accounts.FindOperatorEntityAsync(entityCode, cancellationToken)
            ?? throw new ValidationFailedException("issuingEntity", $"There is no operator entity '{entityCode}'.");
        return new SellingEntity(
            entity.Code,
            entity.CountryCode,
            entity.Address.Region,
            entity.TaxRegistrations.Select(r => new Registration(r.CountryCode, r.SubdivisionCode)).ToList());
    }

    internal static TaxQuoteDto ToDto(TaxQuote quote)
    {
        var request = JsonSerializer.Deserialize<StoredRequest>(quote.RequestJson, Json)!;
        var result = JsonSerializer.Deserialize<StoredResult>(quote.ResultJson, Json)!;
        var currency = Currency.FromCode(quote.Currency);
        var check = result.BuyerTaxId;
        return new TaxQuoteDto(
            quote.Id,
            quote.Date,
            quote.IssuingEntity,
            quote.Currency,
            new TaxBuyer(request.Buyer.Country, request.Buyer.Subdivision, request.Buyer.TaxId, request.Buyer.IsBusiness),
            check is null ? null : new TaxIdCheckDto(check.Valid, check.Normalized, check.Type, check.Reason, check.Registered, check.Registry),
            result.Lines.Select(l => new TaxLineDto(
                l.Id,
                l.Jurisdiction,
                l.TaxType,
                decimal.Parse(l.Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                Money.Parse(l.TaxableAmount, currency),
                Money.Parse(l.TaxAmount, currency),
                l.Treatment,
                l.Rule,
                l.Note,
                l.TaxableShare is { } share ? decimal.Parse(share, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 1m)).ToList(),
            Money.FromMinor(quote.TotalTaxMinor, currency),
            quote.RatesVersion,
            quote.CreatedAt,
            quote.CommittedAs,
            quote.ReversedBy);
    }
}
