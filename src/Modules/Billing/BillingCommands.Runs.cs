using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewind.Billing.Invoices;
using Tradewind.Billing.Numbering;
using Tradewind.Billing.Rating;
using Tradewind.Billing.Runs;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Billing;

/// <summary>
/// Billing runs: find every agreement's calendar months that ended by the run's as-of instant and were never rated, and
/// the billed months whose usage grew since (late usage); rate them; draft one invoice per (buyer, issuing entity,
/// currency, period) with the tax engine's tax; finalize when asked. Exactly-once comes from the rated-period ledger's
/// unique key, written in the same transaction as the invoice (docs/decisions/0021-billing-ledger-and-numbering.md).
/// </summary>
internal sealed partial class BillingCommands
{
    private static readonly IReadOnlyDictionary<string, decimal> NoUsage = new Dictionary<string, decimal>(StringComparer.Ordinal);

    public async Task<BillingRunDto> RunAsync(BillingRunRequest request, string trigger, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = clock.GetUtcNow();
        var asOf = request.AsOf.ToUniversalTime();
        if (asOf > now)
        {
            throw new ValidationFailedException("asOf", "Bill periods that have ended: asOf cannot be in the future.");
        }

        if (asOf.Year < 2000)
        {
            throw new ValidationFailedException("asOf", "Give an instant after 2000-01-01T00:00:00Z.");
        }

        var key = string.IsNullOrWhiteSpace(request.IdempotencyKey) ? null : request.IdempotencyKey.Trim();
        if (key is not null && await FindRunByKeyAsync(key, cancellationToken) is { } replay)
        {
            return ToDto(replay);
        }

        // Late usage is looked for among records received since the latest watermark of a completed run that billed at
        // least as far (a run billing up to an earlier month says nothing about later months).
        var lastEnd = CalendarMonths.StartOf(asOf);
        var checkedTo = await db.Set<BillingRun>().AsNoTracking()
            .Where(r => r.Status == BillingRunStatus.Completed && r.AsOf >= lastEnd && r.LateUsageCheckedTo != null)
            .OrderByDescending(r => r.LateUsageCheckedTo)
            .Select(r => r.LateUsageCheckedTo)
            .FirstOrDefaultAsync(cancellationToken);
        var run = new BillingRun
        {
            Id = BillingRunId.New(clock),
            AsOf = asOf,
            Finalize = request.Finalize,
            Status = BillingRunStatus.Running,
            Trigger = trigger,
            Actor = actor,
            IdempotencyKey = key,
            StartedAt = now,
        };
        db.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            db.ChangeTracker.Clear();
            return ToDto(await FindRunByKeyAsync(key, cancellationToken) ?? throw new InvalidOperationException("The run's idempotency key conflicted but no run holds it."));
        }

        var state = new RunState(run, lastEnd, DateOnly.FromDateTime(asOf.UtcDateTime));
        try
        {
            await RateAllAsync(state, checkedTo, cancellationToken);
            if (request.Finalize)
            {
                await FinalizeDraftedAsync(state, actor, cancellationToken);
            }

            run.Status = BillingRunStatus.Completed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            state.Errors.Add($"run: {e.Message}");
            run.Status = BillingRunStatus.Failed;
            LogRunFailed(logger, run.Id.Value, e);
        }

        return await CompleteAsync(run.Id, state, cancellationToken);
    }

    private async Task<BillingRunDto> CompleteAsync(BillingRunId id, RunState state, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var run = await db.Set<BillingRun>().SingleAsync(r => r.Id == id, cancellationToken);
        run.Status = state.Run.Status;
        run.AgreementsRated = state.Run.AgreementsRated;
        run.PeriodsSkipped = state.Run.PeriodsSkipped;
        run.InvoicesDrafted = state.Drafted.Count;
        run.InvoicesFinalized = state.Run.InvoicesFinalized;
        run.LateUsageLines = state.Run.LateUsageLines;
        // The watermark moves on only when every late candidate was billed, found unchanged or billed by another run;
        // otherwise it stays where this run started looking, so the next run finds the same records again.
        run.LateUsageCheckedTo = run.Status != BillingRunStatus.Completed ? null
            : state.LateLeftOver ? state.LateSince
            : Later(state.LateSince, run.StartedAt.Add(-LateUsageMargin));
        run.CompletedAt = clock.GetUtcNow();
        run.TotalsJson = JsonSerializer.Serialize(
            state.Drafted.GroupBy(d => d.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new StoredTotal(g.Key, g.Count(), g.Sum(d => d.SubtotalMinor), g.Sum(d => d.TotalTaxMinor), g.Sum(d => d.TotalMinor)))
                .ToList(),
            RunJson);
        run.ErrorsJson = JsonSerializer.Serialize(state.Errors.Take(500).ToList(), RunJson);
        audit.Record(run.Actor, null, "billing.run.completed", $"billing-run:{run.Id}",
            $"as of {run.AsOf:O}: {run.AgreementsRated} agreements rated, {run.InvoicesDrafted} invoices drafted, {run.InvoicesFinalized} finalized, {state.Errors.Count} errors");
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(run);
    }

    private async Task RateAllAsync(RunState state, DateTimeOffset? checkedTo, CancellationToken cancellationToken)
    {
        var lookbackStart = state.LastEnd.AddMonths(-Math.Max(1, options.Value.LookbackMonths));
        // Records received since the watermark may have landed in a billed period; a false candidate costs one
        // comparison, a missed one would never be billed. Nothing received before the look-back window is billed late.
        var receivedSince = checkedTo is { } mark ? Later(mark, lookbackStart) : lookbackStart;
        state.LateSince = receivedSince;
        var late = (await usage.ListLateArrivalsAsync(receivedSince, state.LastEnd, cancellationToken)).ToDictionary(r => r.AgreementId);
        var pageSize = Math.Clamp(options.Value.PageSize, 1, 5000);
        for (var skip = 0; ; skip += pageSize)
        {
            var page = await agreements.ListForBillingAsync(state.LastEnd, lookbackStart, skip, pageSize, cancellationToken);
            if (page.Count > 0)
            {
                await RatePageAsync(state, page, late, lookbackStart, cancellationToken);
            }

            if (page.Count < pageSize)
            {
                break;
            }
        }
    }

    private async Task RatePageAsync(
        RunState state, IReadOnlyList<AgreementDto> page, Dictionary<AgreementId, Contracts.Metering.LateUsageRange> late, DateTimeOffset lookbackStart,
        CancellationToken cancellationToken)
    {
        var ids = page.Select(a => a.Id).ToList();
        var ledger = await db.Set<RatedPeriod>().AsNoTracking()
            .Where(r => ids.Contains(r.AgreementId))
            .Select(r => new { r.AgreementId, r.PeriodStart, r.Revision, r.UsageJson })
            .ToListAsync(cancellationToken);
        var latest = ledger
            .GroupBy(r => (r.AgreementId, r.PeriodStart))
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);

        var candidates = new List<(AgreementDto Agreement, BillingPeriod Period, int Revision, string? RatedUsage)>();
        foreach (var agreement in page)
        {
            foreach (var period in CalendarMonths.Billable(agreement.AcceptedAt, agreement.EndedAt, state.LastEnd))
            {
                if (latest.TryGetValue((agreement.Id, period.Start), out var rated))
                {
                    if (late.TryGetValue(agreement.Id, out var range) && period.Start >= lookbackStart && range.EarliestTimestamp < period.End && range.LatestTimestamp >= period.Start)
                    {
                        candidates.Add((agreement, period, rated.Revision + 1, rated.UsageJson));
                    }
                }
                else
                {
                    candidates.Add((agreement, period, 0, null));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        // One aggregate per period over every agreement of the page.
        var totals = new Dictionary<(AgreementId, DateTimeOffset), Dictionary<string, long>>();
        foreach (var group in candidates.GroupBy(c => c.Period))
        {
            var rows = await usage.TotalsForAgreementsAsync(group.Select(c => c.Agreement.Id).Distinct().ToList(), group.Key.Start, group.Key.End, cancellationToken);
            foreach (var row in rows)
            {
                var key = (row.AgreementId, group.Key.Start);
                if (!totals.TryGetValue(key, out var dimensions))
                {
                    totals[key] = dimensions = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                dimensions[row.Dimension] = row.Quantity;
            }
        }

        var prior = await PriorChargesAsync(ids, cancellationToken);
        var work = new List<RatedWork>();
        foreach (var candidate in candidates.OrderBy(c => c.Agreement.Id.Value).ThenBy(c => c.Period.Start))
        {
            var agreement = candidate.Agreement;
            var periodUsage = totals.GetValueOrDefault((agreement.Id, candidate.Period.Start)) ?? new Dictionary<string, long>(StringComparer.Ordinal);
            if (candidate.RatedUsage is { } ratedJson && !Grew(JsonSerializer.Deserialize<Dictionary<string, long>>(ratedJson, RunJson)!, periodUsage))
            {
                continue;
            }

            try
            {
                var charges = prior.TryGetValue(agreement.Id, out var found) ? found : prior[agreement.Id] = [];
                var input = await RatingInputAsync(agreement, candidate.Period, periodUsage, charges, cancellationToken);
                var lines = rater.Rate(input);
                if (candidate.Revision > 0)
                {
                    lines = lines.Select(l => l.Kind == InvoiceLineKind.Usage ? l with { Kind = InvoiceLineKind.LateUsage } : l).ToList();
                }

                charges.AddRange(lines.Select(l => new BilledCharge(l.ServicePeriod.Start, new PriorCharge(l.Kind, l.Dimension, l.InstallmentNumber, l.Quantity, l.Amount))));
                work.Add(new RatedWork(agreement, candidate.Period, candidate.Revision, periodUsage, lines));
            }
            catch (Exception e) when (e is DomainException or InvalidOperationException or ArgumentException)
            {
                state.Errors.Add($"agreement {agreement.Id} {candidate.Period.Start:yyyy-MM}: {e.Message}");
                state.LeaveOver(candidate.Revision);
            }
        }

        await PersistAsync(state, work, cancellationToken);
    }

    private static bool Grew(Dictionary<string, long> rated, Dictionary<string, long> now) =>
        now.Any(d => d.Value != rated.GetValueOrDefault(d.Key)) || rated.Any(d => !now.ContainsKey(d.Key) && d.Value != 0);

    /// <summary>What earlier documents (not voided) charged each agreement: usage per period, contract fees and installments.</summary>
    private async Task<Dictionary<AgreementId, List<BilledCharge>>> PriorChargesAsync(IReadOnlyList<AgreementId> ids, CancellationToken cancellationToken)
    {
        var nullable = ids.Select(id => (AgreementId?)id).ToList();
        var lines = await (
                from line in db.Set<InvoiceLine>().AsNoTracking()
                join invoice in db.Set<Invoice>().AsNoTracking() on line.InvoiceId equals invoice.Id
                where nullable.Contains(line.AgreementId) && invoice.Kind == InvoiceKind.Invoice && invoice.Status != InvoiceStatus.Void
                select new { line.AgreementId, line.Kind, line.Dimension, line.InstallmentNumber, line.Quantity, line.ExactAmount, line.ServiceStart })
            .ToListAsync(cancellationToken);
        return lines
            .GroupBy(l => l.AgreementId!.Value)
            .ToDictionary(g => g.Key, g => g.Select(l => new BilledCharge(l.ServiceStart, new PriorCharge(l.Kind, l.Dimension, l.InstallmentNumber, l.Quantity, l.ExactAmount))).ToList());
    }

    private async Task<RatingInput> RatingInputAsync(
        AgreementDto agreement, BillingPeriod period, IReadOnlyDictionary<string, long> periodUsage, List<BilledCharge> charges, CancellationToken cancellationToken)
    {
        var total = periodUsage.ToDictionary(d => d.Key, d => (decimal)d.Value, StringComparer.Ordinal);
        IReadOnlyDictionary<string, decimal> trial = NoUsage;
        IReadOnlyDictionary<string, decimal> paid = total;
        IReadOnlyDictionary<string, decimal> trialBefore = NoUsage;
        if (agreement.TrialEndsAt is { } trialEnds && trialEnds > period.Start)
        {
            if (trialEnds >= period.End)
            {
                trial = total;
                paid = NoUsage;
            }
            else
            {
                var inTrial = await usage.TotalsForAgreementAsync(agreement.Id, period.Start, trialEnds, cancellationToken);
                trial = inTrial.ToDictionary(d => d.Key, d => (decimal)d.Value, StringComparer.Ordinal);
                paid = total.ToDictionary(d => d.Key, d => d.Value - inTrial.GetValueOrDefault(d.Key), StringComparer.Ordinal);
            }

            if (agreement.AcceptedAt < period.Start)
            {
                var before = await usage.TotalsForAgreementAsync(agreement.Id, agreement.AcceptedAt, period.Start, cancellationToken);
                trialBefore = before.ToDictionary(d => d.Key, d => (decimal)d.Value, StringComparer.Ordinal);
            }
        }

        // Usage already billed counts for its own period only; contract fees and installments for the whole agreement.
        var billed = charges
            .Where(c => c.Charge.Kind is InvoiceLineKind.ContractFee or InvoiceLineKind.Installment || period.Contains(c.ServiceStart))
            .Select(c => c.Charge)
            .ToList();
        return new RatingInput(agreement.Terms, agreement.AcceptedAt, agreement.TrialEndsAt, agreement.ContractEndsAt, agreement.EndedAt, period, trialBefore, trial, paid, billed);
    }

    /// <summary>
    /// Groups the rated work into one invoice per (buyer, issuing entity, currency, period) and writes each group with
    /// its ledger rows in one transaction: a new draft, or lines added to the draft an earlier run left for that group.
    /// Work whose invoice is already issued goes on the latest period's invoice; when that one is issued too, the work
    /// waits for the next period's invoice (nothing is written, so a later run finds it again).
    /// </summary>
    private async Task PersistAsync(RunState state, List<RatedWork> work, CancellationToken cancellationToken)
    {
        try
        {
            await PersistPageAsync(state, work, cancellationToken);
        }
        finally
        {
            // Written documents are not needed in the change tracker: keeping them would make every later save slower.
            db.ChangeTracker.Clear();
        }
    }

    private async Task PersistPageAsync(RunState state, List<RatedWork> work, CancellationToken cancellationToken)
    {
        var latestPeriod = CalendarMonths.Starting(state.LastEnd.AddMonths(-1));
        await LoadBuyersAsync(state, work.Where(w => w.Lines.Count > 0).Select(w => w.Agreement.BuyerId).Distinct().ToList(), cancellationToken);
        var placed = new List<(RatedWork Item, DraftContext Context)>();
        var empty = new List<RatedWork>();
        foreach (var item in work)
        {
            if (item.Lines.Count == 0)
            {
                empty.Add(item);
                continue;
            }

            try
            {
                placed.Add((item, await DraftContextAsync(state, item.Agreement, cancellationToken)));
            }
            catch (DomainException e)
            {
                state.Errors.Add($"agreement {item.Agreement.Id} {item.Period.Start:yyyy-MM}: {e.Message}");
                state.LeaveOver(item.Revision);
            }
        }

        if (empty.Count > 0)
        {
            await WriteLedgerOnlyAsync(state, empty, cancellationToken);
        }

        var existing = await InvoicesOfGroupsAsync(
            placed.SelectMany(p => new[] { GroupKey(p.Item, p.Context, p.Item.Period), GroupKey(p.Item, p.Context, latestPeriod) }).Distinct(StringComparer.Ordinal).ToList(),
            cancellationToken);
        var groups = new Dictionary<string, (DraftContext Context, BillingPeriod Period, List<RatedWork> Work)>(StringComparer.Ordinal);
        foreach (var (item, context) in placed)
        {
            // Late usage goes on the next invoice: the one for the latest period this run bills.
            var period = item.Revision > 0 ? latestPeriod : item.Period;
            if (Issued(existing, GroupKey(item, context, period)) && period.Start < latestPeriod.Start)
            {
                // That period's invoice is issued and never changes: the charges join the latest period's invoice.
                period = latestPeriod;
            }

            var key = GroupKey(item, context, period);
            if (Issued(existing, key))
            {
                state.Run.PeriodsSkipped++;
                state.LeaveOver(item.Revision);
                continue;
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (context, period, []);
            }

            group.Work.Add(item);
        }

        // Groups with a draft from an earlier run get lines added one by one; new groups are drafted together.
        var fresh = new List<NewGroup>();
        foreach (var (key, group) in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (existing.GetValueOrDefault(key) is { } draft)
            {
                await PersistGroupAsync(state, key, group.Context, group.Period, group.Work, draft, cancellationToken);
            }
            else
            {
                fresh.Add(new NewGroup(key, group.Context, group.Period, group.Work));
            }
        }

        if (fresh.Count > 0)
        {
            await DraftManyAsync(state, fresh, cancellationToken);
        }
    }

    /// <summary>
    /// Drafts the invoices of new groups together, in one transaction: the ledger rows of every month first (the unique
    /// key a concurrent run collides on, and SQLite's first write), then one tax quote per invoice, quoted in one batch,
    /// then the invoices with their tax, legends and audit lines. When anything fails (a concurrent run rated a month or
    /// drafted a group first, one document's tax), the transaction rolls back whole and the groups are written one by
    /// one, as <see cref="PersistGroupAsync"/> does, so that only the colliding or failing ones are skipped or reported.
    /// </summary>
    private async Task DraftManyAsync(RunState state, List<NewGroup> groups, CancellationToken cancellationToken)
    {
        var drafts = new List<(NewGroup Group, Invoice? Invoice, decimal? TaxCurrencyRate)>(groups.Count);
        try
        {
            foreach (var group in groups)
            {
                var (invoice, taxCurrencyRate) = await BuildInvoiceAsync(state, group.Key, group.Context, group.Period, group.Work, cancellationToken);
                drafts.Add((group, invoice, taxCurrencyRate));
            }

            var invoiced = drafts.Where(d => d.Invoice is not null).ToList();
            await db.InTransactionAsync(
                async ct =>
                {
                    foreach (var draft in drafts)
                    {
                        foreach (var item in draft.Group.Work)
                        {
                            db.Add(LedgerRow(state, item, draft.Invoice?.Id));
                        }
                    }

                    await db.SaveChangesAsync(ct);
                    if (invoiced.Count > 0)
                    {
                        var quotes = await tax.QuoteManyAsync(invoiced.Select(d => TaxRequest(d.Invoice!, d.Group.Context, state.Day)).ToList(), "billing", ct);
                        for (var i = 0; i < invoiced.Count; i++)
                        {
                            var (group, invoice, rate) = (invoiced[i].Group, invoiced[i].Invoice!, invoiced[i].TaxCurrencyRate);
                            ApplyTax(invoice, quotes[i], rate);
                            invoice.LegendsJson = InvoiceJson.Write(InvoiceTaxes.Legends(invoice.Lines, group.Context.Issuer.Address.CountryCode, invoice.ConversionJson is not null, creditNote: false));
                            RecordDrafted(state, invoice, group.Period);
                            db.Add(invoice);
                        }

                        await db.SaveChangesAsync(ct);
                    }

                    return true;
                },
                cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DomainException)
        {
            db.ChangeTracker.Clear();
            foreach (var group in groups)
            {
                await PersistGroupAsync(state, group.Key, group.Context, group.Period, group.Work, null, cancellationToken);
                db.ChangeTracker.Clear();
            }

            return;
        }

        foreach (var (group, invoice, _) in drafts)
        {
            state.Run.AgreementsRated += group.Work.Select(w => w.Agreement.Id).Distinct().Count();
            if (invoice is not null)
            {
                state.Run.LateUsageLines += group.Work.Sum(w => w.Lines.Count(l => l.Kind == InvoiceLineKind.LateUsage && l.Amount != 0m));
                state.Drafted.Add(invoice);
            }
        }
    }

    private void RecordDrafted(RunState state, Invoice invoice, BillingPeriod period) =>
        audit.Record(state.Run.Actor, invoice.BuyerId.Value, "invoice.drafted", $"invoice:{invoice.Id}",
            string.Create(CultureInfo.InvariantCulture, $"{invoice.IssuerEntityCode} {invoice.Currency} {Money.FromMinor(invoice.TotalMinor, Currency.FromCode(invoice.Currency)).ToMajorString()}, {invoice.Lines.Count} lines, period {period.Start:yyyy-MM}"));

    /// <summary>
    /// Finalizes the run's drafts in batches: per issuing entity and kind, one transaction numbers a batch in a row (one
    /// upsert of the series takes them all, so the numbers stay gap-free), commits their tax quotes and publishes them.
    /// When a batch fails, its invoices are finalized one by one so that only the failing one is reported.
    /// </summary>
    private async Task FinalizeDraftedAsync(RunState state, string actor, CancellationToken cancellationToken)
    {
        var batchSize = Math.Clamp(options.Value.PageSize, 1, 5000);
        foreach (var series in state.Drafted.GroupBy(d => (d.IssuerEntityCode, d.Kind)).ToList())
        {
            foreach (var batch in series.Select(d => d.Id).Chunk(batchSize))
            {
                try
                {
                    await FinalizeBatchAsync(series.Key.IssuerEntityCode, series.Key.Kind, batch, actor, cancellationToken);
                    state.Run.InvoicesFinalized += batch.Length;
                }
                catch (Exception e) when (e is DbUpdateException or DomainException)
                {
                    db.ChangeTracker.Clear();
                    foreach (var invoiceId in batch)
                    {
                        await FinalizeOneAsync(state, invoiceId, actor, cancellationToken);
                    }
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private async Task FinalizeOneAsync(RunState state, InvoiceId invoiceId, string actor, CancellationToken cancellationToken)
    {
        try
        {
            await FinalizeAsync(invoiceId, actor, cancellationToken);
            state.Run.InvoicesFinalized++;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException or DomainException { Code: "invoice-not-draft" })
        {
            // A concurrent run (another node, the scheduled job) finalized it first: it is issued once, not an error.
        }
        catch (DomainException e)
        {
            state.Errors.Add($"invoice {invoiceId}: {e.Message}");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Finalizes drafts of one issuing entity and kind in one transaction (as <see cref="FinalizeAsync"/> does one).</summary>
    private async Task FinalizeBatchAsync(string entityCode, InvoiceKind kind, InvoiceId[] ids, string actor, CancellationToken cancellationToken)
    {
        var entity = await accounts.FindOperatorEntityAsync(entityCode, cancellationToken)
            ?? throw new DomainException("issuing-entity-not-found", $"The issuing entity {entityCode} does not exist.", DomainErrorKind.Conflict);
        await db.InTransactionAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                var year = now.UtcDateTime.Year;
                var first = kind == InvoiceKind.Invoice ? Math.Max(1, entity.InvoiceSeries.NextNumber) : 1;
                // The series' upsert is the transaction's first statement, as in FinalizeAsync (see InvoiceNumbers).
                var number = await InvoiceNumbers.TakeAsync(db, entity.Code, kind, year, first, ids.Length, ct);
                var invoices = (await db.Set<Invoice>().Include(i => i.Lines).Where(i => ids.Contains(i.Id)).ToListAsync(ct)).ToDictionary(i => i.Id);
                var commits = new List<(TaxQuoteId Id, string DocumentNumber)>(ids.Length);
                var finalized = new List<Invoice>(ids.Length);
                foreach (var id in ids)
                {
                    var invoice = invoices.GetValueOrDefault(id) ?? throw NotFound(id);
                    if (invoice.Status != InvoiceStatus.Draft || invoice.Kind != kind)
                    {
                        // Finalized by a concurrent request: the batch rolls back (returning its numbers) and goes one by one.
                        throw new DomainException("invoice-not-draft", $"Invoice {id} is {Invoice.Wire(invoice.Status)}; only a draft can be finalized.", DomainErrorKind.Conflict);
                    }

                    var text = InvoiceNumbers.Format(entity.InvoiceSeries.Prefix, invoice.Kind, year, number++);
                    invoice.Finalize(text, DateOnly.FromDateTime(now.UtcDateTime), options.Value.PaymentTermDays, now);
                    if (invoice.TaxQuoteId is { } quoteId)
                    {
                        commits.Add((quoteId, text));
                    }

                    finalized.Add(invoice);
                }

                await db.SaveChangesAsync(ct);
                if (commits.Count > 0)
                {
                    await tax.CommitManyAsync(commits, actor, ct);
                }

                foreach (var invoice in finalized)
                {
                    Publish(invoice, now);
                    audit.Record(actor, invoice.BuyerId.Value, "invoice.finalized", $"invoice:{invoice.Id}", invoice.Number!);
                }

                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes one group: appends to its draft or drafts its invoice. When the transaction fails on a unique key, the
    /// ledger decides: months a concurrent run rated first are that run's; the rest try again, since the conflict may
    /// have been a concurrent run drafting the group's invoice first (then they join that draft).
    /// </summary>
    private async Task PersistGroupAsync(
        RunState state, string key, DraftContext context, BillingPeriod period, List<RatedWork> work, GroupInvoice? known, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var target = attempt == 1 ? known : (await InvoicesOfGroupsAsync([key], cancellationToken)).GetValueOrDefault(key);
                if (target is { Status: not InvoiceStatus.Draft })
                {
                    // Issued by a concurrent request since the run looked: the work waits for a later invoice.
                    state.Run.PeriodsSkipped += work.Count;
                    work.ForEach(w => state.LeaveOver(w.Revision));
                    return;
                }

                var invoice = target is { } draft
                    ? await AppendToDraftAsync(state, draft.Id, context, work, cancellationToken)
                    : await DraftInvoiceAsync(state, key, context, period, work, cancellationToken);
                if (invoice is not null)
                {
                    state.Run.AgreementsRated += work.Select(w => w.Agreement.Id).Distinct().Count();
                    state.Run.LateUsageLines += work.Sum(w => w.Lines.Count(l => l.Kind == InvoiceLineKind.LateUsage && l.Amount != 0m));
                    state.Drafted.RemoveAll(d => d.Id == invoice.Id);
                    state.Drafted.Add(invoice);
                }

                return;
            }
            catch (Exception e) when (e is DbUpdateException or DomainException { Code: "invoice-immutable" })
            {
                // A unique key, a concurrent change of the draft, or the draft finalized meanwhile: the ledger decides.
                db.ChangeTracker.Clear();
                var rated = await RatedAlreadyAsync(work, cancellationToken);
                state.Run.PeriodsSkipped += rated.Count;
                work = work.Where(w => !rated.Contains((w.Agreement.Id, w.Period.Start, w.Revision))).ToList();
                if (work.Count == 0)
                {
                    return;
                }

                if (attempt == 3)
                {
                    state.Run.PeriodsSkipped += work.Count;
                    work.ForEach(w => state.LeaveOver(w.Revision));
                    return;
                }
            }
            catch (DomainException e)
            {
                db.ChangeTracker.Clear();
                foreach (var agreementId in work.Select(w => w.Agreement.Id).Distinct())
                {
                    state.Errors.Add($"agreement {agreementId} {period.Start:yyyy-MM}: {e.Message}");
                }

                work.ForEach(w => state.LeaveOver(w.Revision));
                return;
            }
        }
    }

    private static string GroupKey(RatedWork item, DraftContext context, BillingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Agreement.BuyerId}|{context.Issuer.EntityCode}|{context.Currency}|{period.Start.UtcTicks}");

    private static bool Issued(Dictionary<string, GroupInvoice> existing, string key) =>
        existing.TryGetValue(key, out var invoice) && invoice.Status != InvoiceStatus.Draft;

    /// <summary>The invoice each group key already has (at most one: the key is unique among invoices).</summary>
    private async Task<Dictionary<string, GroupInvoice>> InvoicesOfGroupsAsync(List<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, GroupInvoice>(StringComparer.Ordinal);
        }

        var found = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.Kind == InvoiceKind.Invoice && keys.Contains(i.GroupKey))
            .Select(i => new { i.GroupKey, i.Id, i.Status })
            .ToListAsync(cancellationToken);
        return found.ToDictionary(i => i.GroupKey, i => new GroupInvoice(i.Id, i.Status), StringComparer.Ordinal);
    }

    /// <summary>Which of the work's (agreement, period, revision) the ledger already holds.</summary>
    private async Task<HashSet<(AgreementId, DateTimeOffset, int)>> RatedAlreadyAsync(List<RatedWork> work, CancellationToken cancellationToken)
    {
        var ids = work.Select(w => w.Agreement.Id).Distinct().ToList();
        var rows = await db.Set<RatedPeriod>().AsNoTracking()
            .Where(r => ids.Contains(r.AgreementId))
            .Select(r => new { r.AgreementId, r.PeriodStart, r.Revision })
            .ToListAsync(cancellationToken);
        var wanted = work.Select(w => (w.Agreement.Id, w.Period.Start, w.Revision)).ToHashSet();
        return rows.Select(r => (r.AgreementId, r.PeriodStart, r.Revision)).Where(wanted.Contains).ToHashSet();
    }

    private async Task WriteLedgerOnlyAsync(RunState state, List<RatedWork> items, CancellationToken cancellationToken)
    {
        try
        {
            await db.InTransactionAsync(
                async ct =>
                {
                    foreach (var item in items)
                    {
                        db.Add(LedgerRow(state, item, null));
                    }

                    await db.SaveChangesAsync(ct);
                    return true;
                },
                cancellationToken);
            state.Run.AgreementsRated += items.Select(i => i.Agreement.Id).Distinct().Count();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (items.Count == 1)
            {
                state.Run.PeriodsSkipped++;
                return;
            }

            // One of them was rated by a concurrent run: write the rest one by one.
            foreach (var item in items)
            {
                await WriteLedgerOnlyAsync(state, [item], cancellationToken);
            }
        }
    }

    private RatedPeriod LedgerRow(RunState state, RatedWork item, InvoiceId? invoiceId) => new()
    {
        Id = Guid.CreateVersion7(clock.GetUtcNow()),
        AgreementId = item.Agreement.Id,
        PeriodStart = item.Period.Start,
        PeriodEnd = item.Period.End,
        Revision = item.Revision,
        RunId = state.Run.Id,
        InvoiceId = invoiceId,
        UsageJson = JsonSerializer.Serialize(item.Usage, RunJson),
        RatedAt = clock.GetUtcNow(),
    };

    private async Task<Invoice?> DraftInvoiceAsync(
        RunState state, string groupKey, DraftContext context, BillingPeriod period, List<RatedWork> work, CancellationToken cancellationToken)
    {
        var (invoice, taxCurrencyRate) = await BuildInvoiceAsync(state, groupKey, context, period, work, cancellationToken);
        if (invoice is null)
        {
            // Nothing to charge (free tier, trial): the periods are rated, no document is issued.
            await WriteLedgerOnlyAsync(state, work, cancellationToken);
            return null;
        }

        return await db.InTransactionAsync(
            async ct =>
            {
                // The ledger rows first: their unique key is what a concurrent run collides on (and the group key, unique
                // among invoices, when a concurrent run drafts the same group's invoice).
                foreach (var item in work)
                {
                    db.Add(LedgerRow(state, item, invoice.Id));
                }

                db.Add(invoice);
                await db.SaveChangesAsync(ct);
                var quote = await tax.QuoteAsync(TaxRequest(invoice, context, state.Day), "billing", ct);
                ApplyTax(invoice, quote, taxCurrencyRate);
                invoice.LegendsJson = InvoiceJson.Write(InvoiceTaxes.Legends(invoice.Lines, context.Issuer.Address.CountryCode, invoice.ConversionJson is not null, creditNote: false));
                RecordDrafted(state, invoice, period);
                await db.SaveChangesAsync(ct);
                return invoice;
            },
            cancellationToken);
    }

    /// <summary>
    /// One group's invoice, not yet stored, with the rate into its tax currency (if it has one); no invoice when nothing
    /// rounds to a charge.
    /// </summary>
    private async Task<(Invoice? Invoice, decimal? TaxCurrencyRate)> BuildInvoiceAsync(
        RunState state, string groupKey, DraftContext context, BillingPeriod period, List<RatedWork> work, CancellationToken cancellationToken)
    {
        var currency = Currency.FromCode(context.Currency);
        var conversions = new Dictionary<string, ExchangeRate>(StringComparer.Ordinal);
        foreach (var planCurrency in work.Select(w => w.Agreement.Terms.Currency).Distinct(StringComparer.Ordinal).Where(c => !string.Equals(c, context.Currency, StringComparison.Ordinal)))
        {
            conversions[planCurrency] = await RateAsync(state, planCurrency, context.Currency, cancellationToken);
        }

        var taxCurrency = InvoiceTaxes.TaxCurrency(context.Issuer.Address.CountryCode, context.Issuer.CurrencyCode, context.Currency);
        var taxCurrencyRate = taxCurrency is null ? null : await RateAsync(state, context.Currency, taxCurrency, cancellationToken);

        var id = InvoiceId.New(clock);
        var lines = BuildLines(id, 0, work, currency, conversions.ToDictionary(c => c.Key, c => c.Value.Rate, StringComparer.Ordinal));
        if (lines.All(l => l.AmountMinor == 0))
        {
            return (null, null);
        }

        var conversion = conversions.Values.FirstOrDefault();
        var invoice = new Invoice
        {
            Id = id,
            Kind = InvoiceKind.Invoice,
            BuyerId = context.Buyer.Id,
            BuyerName = context.Buyer.Name,
            BuyerCountry = context.Buyer.CountryCode,
            BuyerJson = InvoiceJson.Write(context.BuyerSnapshot),
            IssuerEntityCode = context.Issuer.EntityCode,
            IssuerJson = InvoiceJson.Write(context.Issuer),
            Currency = context.Currency,
            Language = context.Language,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            TaxCurrency = taxCurrency,
            ConversionJson = conversion is null ? null : InvoiceJson.Write(new InvoiceConversion(conversion.From, conversion.To, conversion.Rate, conversion.Day, conversion.Source)),
            PaymentReference = PaymentReference(id),
            RunId = state.Run.Id,
            GroupKey = groupKey,
            CreatedAt = clock.GetUtcNow(),
            Lines = lines,
        };
        return (invoice, taxCurrencyRate?.Rate);
    }

    /// <summary>
    /// Adds a later run's lines to the group's draft, after its last line (no existing line is renumbered or changed
    /// but for its tax), converts them at the rate the draft recorded, re-quotes the tax of the whole draft (the new
    /// quote replaces the old one, which a draft never commits) and recomputes the totals, with the ledger rows, in one
    /// transaction. The draft's version guards against a concurrent finalization or addition.
    /// </summary>
    private async Task<Invoice?> AppendToDraftAsync(RunState state, InvoiceId draftId, DraftContext context, List<RatedWork> work, CancellationToken cancellationToken)
    {
        var stored = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.Id == draftId)
            .Select(i => new { i.Currency, i.ConversionJson, i.TaxCurrency })
            .SingleAsync(cancellationToken);
        var currency = Currency.FromCode(stored.Currency);
        var recorded = stored.ConversionJson is null ? null : InvoiceJson.Read<InvoiceConversion>(stored.ConversionJson);
        var rates = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var planCurrency in work.Select(w => w.Agreement.Terms.Currency).Distinct(StringComparer.Ordinal).Where(c => !string.Equals(c, stored.Currency, StringComparison.Ordinal)))
        {
            rates[planCurrency] = recorded is { } rate && string.Equals(rate.FromCurrency, planCurrency, StringComparison.Ordinal)
                ? rate.Rate
                : (await RateAsync(state, planCurrency, stored.Currency, cancellationToken)).Rate;
        }

        var taxCurrencyRate = stored.TaxCurrency is { } taxCurrency ? (await RateAsync(state, stored.Currency, taxCurrency, cancellationToken)).Rate : (decimal?)null;
        return await db.InTransactionAsync(
            async ct =>
            {
                var invoice = await db.Set<Invoice>().Include(i => i.Lines).SingleAsync(i => i.Id == draftId, ct);
                var lines = BuildLines(draftId, invoice.Lines.Count == 0 ? 0 : invoice.Lines.Max(l => l.LineNumber), work, currency, rates);
                if (lines.All(l => l.AmountMinor == 0))
                {
                    foreach (var item in work)
                    {
                        db.Add(LedgerRow(state, item, null));
                    }

                    await db.SaveChangesAsync(ct);
                    return null;
                }

                foreach (var item in work)
                {
                    db.Add(LedgerRow(state, item, draftId));
                }

                invoice.AppendLines(lines);
                // Marked as new explicitly: lines reached only through the navigation, with their ids set, would be
                // taken for existing rows.
                db.AddRange(lines);
                await db.SaveChangesAsync(ct);
                ApplyTax(invoice, await tax.QuoteAsync(TaxRequest(invoice, context, state.Day), "billing", ct), taxCurrencyRate);
                invoice.LegendsJson = InvoiceJson.Write(InvoiceTaxes.Legends(invoice.Lines, context.Issuer.Address.CountryCode, invoice.ConversionJson is not null, creditNote: false));
                audit.Record(state.Run.Actor, invoice.BuyerId.Value, "invoice.lines_added", $"invoice:{invoice.Id}",
                    string.Create(CultureInfo.InvariantCulture, $"{lines.Count} lines added by run {state.Run.Id}; now {invoice.Currency} {Money.FromMinor(invoice.TotalMinor, currency).ToMajorString()}, {invoice.Lines.Count} lines"));
                await db.SaveChangesAsync(ct);
                return invoice;
            },
            cancellationToken);
    }

    /// <summary>
    /// The invoice lines of the rated work, numbered after <paramref name="after"/>: converted from each plan's currency
    /// at full precision (<paramref name="rates"/>, 1 when the same) and rounded once per line.
    /// </summary>
    private List<InvoiceLine> BuildLines(InvoiceId id, int after, List<RatedWork> work, Currency currency, Dictionary<string, decimal> rates)
    {
        var lines = new List<InvoiceLine>();
        foreach (var item in work)
        {
            var planCurrency = item.Agreement.Terms.Currency;
            var rate = rates.TryGetValue(planCurrency, out var found) ? found : 1m;
            foreach (var rated in item.Lines)
            {
                lines.Add(new InvoiceLine
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    InvoiceId = id,
                    LineNumber = after + lines.Count + 1,
                    Kind = rated.Kind,
                    AgreementId = item.Agreement.Id,
                    ProductId = item.Agreement.ProductId,
                    SellerId = item.Agreement.SellerId,
                    ProductTitle = item.Agreement.ProductTitle,
                    Dimension = rated.Dimension,
                    Description = rated.Description,
                    Quantity = rated.Quantity,
                    Unit = rated.Unit,
                    UnitPrice = Decimals.Format(rated.UnitPrice * rate),
                    // Rounded once per line, from the exact amount (converted at full precision first).
                    AmountMinor = Money.FromMajor(rated.Amount * rate, currency, MidpointRounding.AwayFromZero).MinorUnits,
                    ExactAmount = rated.Amount,
                    PlanCurrency = planCurrency,
                    InstallmentNumber = rated.InstallmentNumber,
                    ServiceStart = rated.ServicePeriod.Start,
                    ServiceEnd = rated.ServicePeriod.End,
                    TaxCode = options.Value.TaxCode,
                    StepsJson = InvoiceJson.Write(rate == 1m ? rated.Steps : rated.Steps.Select(s => Convert(s, rate)).ToList()),
                });
            }
        }

        return lines;
    }

    /// <summary>The tax engine's request for a document: one quote line per invoice line.</summary>
    private static TaxQuoteRequest TaxRequest(Invoice invoice, DraftContext context, DateOnly day)
    {
        var currency = Currency.FromCode(invoice.Currency);
        // Lines are quoted with their sign: a negative line (a re-priced volume tier, a late-usage difference) has a
        // negative tax, computed by the same rounding rule (in Japan it lowers the per-rate sum), and commits signed.
        return new TaxQuoteRequest(
            day,
            context.Issuer.EntityCode,
            new TaxBuyer(context.Buyer.CountryCode, context.Buyer.SubdivisionCode, context.BuyerSnapshot.TaxId, context.BuyerSnapshot.IsBusiness),
            invoice.Lines.Select(l => new TaxLineRequest(l.LineNumber.ToString(CultureInfo.InvariantCulture), Money.FromMinor(l.AmountMinor, currency), l.TaxCode)).ToList(),
            context.SellerCountry);
    }

    /// <summary>Stores each line's tax from the document's quote, the subtotals and the totals.</summary>
    private static void ApplyTax(Invoice invoice, TaxQuoteDto quote, decimal? taxCurrencyRate)
    {
        var currency = Currency.FromCode(invoice.Currency);
        var byLine = quote.Lines.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var line in invoice.Lines)
        {
            var taxed = byLine[line.LineNumber.ToString(CultureInfo.InvariantCulture)];
            line.TaxJurisdiction = taxed.Jurisdiction;
            line.TaxType = taxed.TaxType;
            // Where the law taxes part of the price (Texas 80 %), the document states the effective rate on the whole line,
            // so every per-rate row checks: taxable amount × rate = tax (EN 16931 BR-S-08, BR-S-09, BR-CO-17).
            line.TaxRate = taxed.Rate * taxed.TaxableShare;
            line.TaxTreatment = taxed.Treatment;
            line.TaxCategory = InvoiceTaxes.Category(taxed.Treatment, line.TaxRate);
            line.TaxMinor = taxed.TaxAmount.MinorUnits;
            line.TaxNote = string.IsNullOrEmpty(taxed.Note) ? null : taxed.Note;
        }

        invoice.TaxQuoteId = quote.Id;
        var taxCurrency = invoice.TaxCurrency is { } code ? Currency.FromCode(code) : null;
        var subtotals = InvoiceTaxes.Subtotals(invoice.Lines, currency, taxCurrencyRate, taxCurrency);
        invoice.TaxSubtotalsJson = InvoiceJson.Write(subtotals);
        invoice.TotalTaxInTaxCurrencyMinor = taxCurrency is null ? null : subtotals.Sum(s => s.TaxInTaxCurrencyMinor ?? 0);
        invoice.Recalculate();
    }

    private static RatingStep Convert(RatingStep step, decimal rate) => step with
    {
        UnitPrice = step.UnitPrice is { } price && decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? Decimals.Format(value * rate) : step.UnitPrice,
        Amount = decimal.Round(step.Amount * rate, 10, MidpointRounding.AwayFromZero),
    };

    /// <summary>The rate from one currency to another on the run's day, looked up once per run.</summary>
    private async Task<ExchangeRate> RateAsync(RunState state, string from, string to, CancellationToken cancellationToken)
    {
        if (!state.Rates.TryGetValue((from, to), out var rate))
        {
            state.Rates[(from, to)] = rate = await RateAsync(from, to, state.Day, cancellationToken);
        }

        return rate;
    }

    private async Task<ExchangeRate> RateAsync(string from, string to, DateOnly day, CancellationToken cancellationToken)
    {
        var table = await rates.GetRatesAsync(Currency.FromCode(from), day, cancellationToken);
        var rate = table.Rates.FirstOrDefault(r => string.Equals(r.Quote, to, StringComparison.Ordinal))
            ?? throw new DomainException("fx-rate-unavailable", $"There is no {from}/{to} exchange rate on or before {day:yyyy-MM-dd}.", DomainErrorKind.Conflict);
        return new ExchangeRate(from, to, rate.Rate, rate.AsOf, rate.Source);
    }

    /// <summary>Who is invoiced, by which entity, in which currency and language (the buyer and the seller looked up once per run).</summary>
    private async Task<DraftContext> DraftContextAsync(RunState state, AgreementDto agreement, CancellationToken cancellationToken)
    {
        if (!state.Buyers.TryGetValue(agreement.BuyerId, out var buyer))
        {
            await LoadBuyersAsync(state, [agreement.BuyerId], cancellationToken);
            if (!state.Buyers.TryGetValue(agreement.BuyerId, out buyer))
            {
                throw new DomainException("buyer-not-found", $"Buyer {agreement.BuyerId} does not exist.", DomainErrorKind.NotFound);
            }
        }

        if (!state.SellerCountries.TryGetValue(agreement.SellerId, out var sellerCountry))
        {
            var seller = await accounts.FindOrganisationAsync(agreement.SellerId, cancellationToken)
                ?? throw new DomainException("seller-not-found", $"Seller {agreement.SellerId} does not exist.", DomainErrorKind.NotFound);
            state.SellerCountries[agreement.SellerId] = sellerCountry = seller.CountryCode;
        }

        var entityKey = $"{buyer.Organisation.CountryCode}|{sellerCountry}";
        if (!state.Issuers.TryGetValue(entityKey, out var issuer))
        {
            var resolved = await accounts.ResolveIssuingEntityAsync(buyer.Organisation.CountryCode, sellerCountry, cancellationToken);
            var entity = await accounts.FindOperatorEntityAsync(resolved.Code, cancellationToken)
                ?? throw new DomainException("issuing-entity-not-found", $"The issuing entity {resolved.Code} does not exist.", DomainErrorKind.Conflict);
            state.Entities[entity.Code] = entity;
            state.Issuers[entityKey] = issuer = entity;
        }

        // A private offer's agreement is invoiced in the offer's currency, which the buyer agreed to; others in the buyer's
        // preferred invoice currency when it has one (docs/billing.md § Private offers).
        var currency = agreement.PrivateOfferId is null && buyer.Profile?.InvoiceCurrency is { Length: 3 } preferred ? preferred : agreement.Terms.Currency;
        var address = buyer.Profile?.Address ?? new PostalAddress("", null, "", null, buyer.Organisation.SubdivisionCode, buyer.Organisation.CountryCode);
        var payment = issuer.CollectionAccounts.FirstOrDefault(a => string.Equals(a.CurrencyCode, currency, StringComparison.Ordinal)) ?? (issuer.CollectionAccounts.Count > 0 ? issuer.CollectionAccounts[0] : null);
        // A buyer whose tax id gives no Peppol address gets one the operator allocates (docs/billing.md § Documents).
        if (!state.PeppolAddresses.TryGetValue(agreement.BuyerId, out var peppolAddress))
        {
            peppolAddress = buyer.Profile?.TaxId is { } taxId && Documents.TaxIdentifiers.Endpoint(address.CountryCode, taxId) is not null
                ? null
                : await accountCommands.AllocatePeppolBuyerAddressAsync(agreement.BuyerId, cancellationToken);
            state.PeppolAddresses[agreement.BuyerId] = peppolAddress;
        }

        return new DraftContext(
            buyer.Organisation,
            // A buyer that gave a tax id buys as a business (B2B: reverse charge where the law provides it).
            new InvoiceJson.StoredBuyer(buyer.Organisation.Name, address, buyer.Profile?.TaxId, buyer.Profile?.TaxId is not null, buyer.Email, peppolAddress),
            new InvoiceJson.StoredIssuer(issuer.Code, issuer.LegalName, issuer.Address, issuer.TaxRegistrations, payment, issuer.CurrencyCode, issuer.PeppolParticipantId),
            currency,
            buyer.Profile?.Language is { Length: > 0 } language ? language : "en",
            sellerCountry);
    }

    /// <summary>
    /// Looks up the buyers a page invoices, all at once, and allocates Peppol addresses to those whose tax id gives none
    /// (docs/billing.md § Documents), in one transaction.
    /// </summary>
    private async Task LoadBuyersAsync(RunState state, List<OrganisationId> buyerIds, CancellationToken cancellationToken)
    {
        var unknown = buyerIds.Where(id => !state.Buyers.ContainsKey(id)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        foreach (var found in await accounts.ListBillingBuyersAsync(unknown, cancellationToken))
        {
            state.Buyers[found.Organisation.Id] = (found.Organisation, found.Profile, found.Email);
        }

        var needAddress = new List<OrganisationId>();
        foreach (var id in unknown.Where(state.Buyers.ContainsKey))
        {
            var (organisation, profile, _) = state.Buyers[id];
            var country = profile?.Address.CountryCode ?? organisation.CountryCode;
            if (profile?.TaxId is { } taxId && Documents.TaxIdentifiers.Endpoint(country, taxId) is not null)
            {
                state.PeppolAddresses[id] = null;
            }
            else
            {
                needAddress.Add(id);
            }
        }

        if (needAddress.Count > 0)
        {
            foreach (var (id, address) in await accountCommands.AllocatePeppolBuyerAddressesAsync(needAddress, cancellationToken))
            {
                state.PeppolAddresses[id] = address;
            }
        }
    }

    /// <summary>The structured (ISO 11649 RF) reference a buyer quotes when paying by bank transfer; bank collections match on it.</summary>
    private static string PaymentReference(InvoiceId id) => Primitives.Banking.RfCreditorReference.ForDocument(id.Value).Value;

    private Task<BillingRun?> FindRunByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Set<BillingRun>().AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == key, cancellationToken);

    internal static BillingRunDto ToDto(BillingRun run)
    {
        var totals = JsonSerializer.Deserialize<List<StoredTotal>>(run.TotalsJson, RunJson) ?? [];
        return new BillingRunDto(
            run.Id, run.AsOf, run.Status, run.Trigger, run.Actor, run.StartedAt, run.CompletedAt, run.AgreementsRated, run.PeriodsSkipped, run.InvoicesDrafted,
            run.InvoicesFinalized, run.LateUsageLines,
            totals.Select(t =>
            {
                var currency = Currency.FromCode(t.Currency);
                return new BillingRunTotal(t.Currency, t.Invoices, Money.FromMinor(t.SubtotalMinor, currency), Money.FromMinor(t.TotalTaxMinor, currency), Money.FromMinor(t.TotalMinor, currency));
            }).ToList(),
            JsonSerializer.Deserialize<List<string>>(run.ErrorsJson, RunJson) ?? []);
    }

    private static readonly JsonSerializerOptions RunJson = new(JsonSerializerDefaults.Web);

    private sealed record StoredTotal(string Currency, int Invoices, long SubtotalMinor, long TotalTaxMinor, long TotalMinor);

    private sealed record RatedWork(AgreementDto Agreement, BillingPeriod Period, int Revision, IReadOnlyDictionary<string, long> Usage, IReadOnlyList<RatedLine> Lines);

    /// <summary>A charge an earlier document (or this run) made, with the start of the service it charged for.</summary>
    private sealed record BilledCharge(DateTimeOffset ServiceStart, PriorCharge Charge);

    /// <summary>A group of rated work with no invoice yet.</summary>
    private sealed record NewGroup(string Key, DraftContext Context, BillingPeriod Period, List<RatedWork> Work);

    private sealed record ExchangeRate(string From, string To, decimal Rate, DateOnly Day, string Source);

    /// <summary>The invoice a group key already has, and its status.</summary>
    private sealed record GroupInvoice(InvoiceId Id, InvoiceStatus Status);

    /// <summary>How far before a run's start the late-usage watermark stays: records stamped received just before the run
    /// may commit after it read the usage.</summary>
    private static readonly TimeSpan LateUsageMargin = TimeSpan.FromHours(1);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record DraftContext(
        OrganisationDto Buyer, InvoiceJson.StoredBuyer BuyerSnapshot, InvoiceJson.StoredIssuer Issuer, string Currency, string Language, string SellerCountry);

    /// <summary>What one run has learned and done so far.</summary>
    private sealed class RunState(BillingRun run, DateTimeOffset lastEnd, DateOnly day)
    {
        public BillingRun Run { get; } = run;

        /// <summary>The start of the month containing the as-of instant: every billed period ends at or before it.</summary>
        public DateTimeOffset LastEnd { get; } = lastEnd;

        /// <summary>The tax point and exchange-rate day of the run's documents.</summary>
        public DateOnly Day { get; } = day;

        public List<Invoice> Drafted { get; } = [];

        /// <summary>Where this run started looking for late usage (records received since).</summary>
        public DateTimeOffset LateSince { get; set; }

        /// <summary>Whether some late usage was left unbilled (an error, or waiting for a later invoice).</summary>
        public bool LateLeftOver { get; private set; }

        /// <summary>
        /// Notes that work of this revision was not written. A first rating (revision 0) needs nothing more: with no
        /// ledger row its month is rated again by the next run. Late usage (revision &gt; 0) holds the watermark back.
        /// </summary>
        public void LeaveOver(int revision) => LateLeftOver |= revision > 0;

        public List<string> Errors { get; } = [];

        public Dictionary<OrganisationId, (OrganisationDto Organisation, BuyerProfileDto? Profile, string? Email)> Buyers { get; } = [];

        public Dictionary<OrganisationId, string> SellerCountries { get; } = [];

        /// <summary>Exchange rates on the run's day, by (from, to).</summary>
        public Dictionary<(string From, string To), ExchangeRate> Rates { get; } = [];

        public Dictionary<string, OperatorEntityDto> Issuers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, OperatorEntityDto> Entities { get; } = new(StringComparer.Ordinal);

        /// <summary>The Peppol address allocated to each buyer whose tax id gives none (<c>null</c>: not needed, or none configured).</summary>
        public Dictionary<OrganisationId, string?> PeppolAddresses { get; } = [];
    }
}
