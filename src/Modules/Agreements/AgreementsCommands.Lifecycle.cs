using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Agreements;

internal sealed partial class AgreementsCommands
{
    private const string SweepActor = "system:agreements-lifecycle";
    private const int SweepBatch = 200;

    /// <summary>
    /// Each agreement is changed in its own unit of work guarded by its version: when two nodes sweep at once, or a buyer
    /// cancels while the sweep runs, one change wins and the other skips the agreement (it is picked up again next time if
    /// still due). Reminders are marked on the agreement in the same unit of work as their notification, so each is sent once.
    /// </summary>
    public async Task<LifecycleSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Agreement>().AsNoTracking()
            .Where(a =>
                (a.Status == AgreementStatus.Trial && (a.TrialEndsAt <= now || a.NextReminderAt <= now)) ||
                (a.Status == AgreementStatus.CancelPending && a.CancelAt <= now) ||
                (a.Status == AgreementStatus.Active && a.ContractEndsAt <= now) ||
                ((a.Status == AgreementStatus.Active || a.Status == AgreementStatus.CancelPending || a.Status == AgreementStatus.Suspended) && a.PeriodEnd <= now))
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .Take(SweepBatch)
            .ToListAsync(cancellationToken);

        int converted = 0, reminders = 0, cancelled = 0, expired = 0, rolled = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var agreement = await db.Set<Agreement>().Include(a => a.Entitlements).SingleAsync(a => a.Id == id, cancellationToken);
            var terms = TermsJson.Read(agreement.TermsJson);
            var changed = false;
            int c = 0, r = 0, x = 0, e = 0, p = 0;

            // A trial cancelled for its end is cancel_pending with CancelAt = trial end: it ends, it never converts.
            if (agreement.ApplyScheduledCancellation(now) is { } cancellation)
            {
                await AnnounceAsync(agreement, cancellation, now, "", cancellationToken);
                audit.Record(SweepActor, agreement.BuyerId.Value, "agreement.cancelled", $"agreement:{agreement.Id}", "cancellation at period end applied");
                x++;
                changed = true;
            }
            else if (agreement.TakeDueReminder(now) is { } days)
            {
                outbox.Add(new TrialEndingReminderSent(agreement.Id, agreement.BuyerId, days, agreement.TrialEndsAt!.Value, now));
                var body = Notifications.For(WebhookMessageTypes.FreeTrialEndingSoon, agreement, now, freeTrialTerm: true);
                body["days-left"] = days;
                await webhooks.EnqueueAsync(agreement.SellerId, WebhookMessageTypes.FreeTrialEndingSoon, body, cancellationToken);
                audit.Record(SweepActor, agreement.BuyerId.Value, "agreement.trial-reminder", $"agreement:{agreement.Id}", $"trial ends in {days} day(s)");
                r++;
                changed = true;
            }

            if (agreement.ConvertTrialIfEnded(now, terms) is { } conversion)
            {
                await AnnounceAsync(agreement, conversion, now, "", cancellationToken);
                audit.Record(SweepActor, agreement.BuyerId.Value, "agreement.trial-converted", $"agreement:{agreement.Id}", $"paid from {agreement.BillingAnchor:O}");
                c++;
                changed = true;
            }

            if (agreement.ExpireIfContractEnded(now) is { } expiry)
            {
                await AnnounceAsync(agreement, expiry, now, "", cancellationToken);
                audit.Record(SweepActor, agreement.BuyerId.Value, "agreement.expired", $"agreement:{agreement.Id}", $"contract ended {agreement.EndedAt:O}");
                e++;
                changed = true;
            }
            else if (agreement.RollPeriod(now))
            {
                outbox.Add(new AgreementPeriodStarted(agreement.Id, agreement.PeriodStart!.Value, agreement.PeriodEnd!.Value, now));
                p++;
                changed = true;
            }

            if (!changed)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                (converted, reminders, cancelled, expired, rolled) = (converted + c, reminders + r, cancelled + x, expired + e, rolled + p);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another node or a buyer changed it first; the next sweep sees the new state.
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        return new LifecycleSweepResult(converted, reminders, cancelled, expired, rolled);
    }
}
