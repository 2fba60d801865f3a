using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Agreements;

/// <summary>
/// The terms of one published plan version a buyer accepted, copied (<see cref="TermsJson"/>), with where it stands in
/// its life. The lifecycle methods change <see cref="Status"/> and the dates together and say what happened
/// (<see cref="Transition"/>); the caller turns that into events, notifications and audit lines in the same unit of work.
/// Instants are UTC; <see cref="PeriodStart"/>/<see cref="PeriodEnd"/> is the current half-open billing period, monthly
/// from <see cref="BillingAnchor"/> (the instant paid use began: acceptance, or the trial's end).
/// </summary>
internal sealed class Agreement
{
    public static readonly IReadOnlyList<int> ReminderDays = [7, 1];

    public AgreementId Id { get; init; }

    public required string CustomerIdentifier { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string BuyerName { get; init; }

    public required string BuyerCountry { get; init; }

    public OrganisationId SellerId { get; init; }

    public ProductId ProductId { get; init; }

    public required string ProductTitle { get; init; }

    public required string ProductSlug { get; init; }

    public PlanId PlanId { get; init; }

    public int PlanVersion { get; init; }

    public required string TermsJson { get; init; }

    public required string Currency { get; init; }

    public LicenceKind LicenceKind { get; init; }

    public required string LicenceVersion { get; init; }

    public required string LicenceLanguage { get; init; }

    public AgreementStatus Status { get; private set; }

    /// <summary>What a reinstatement returns to.</summary>
    public AgreementStatus? StatusBeforeSuspension { get; private set; }

    public DateTimeOffset AcceptedAt { get; init; }

    public DateTimeOffset? TrialEndsAt { get; private set; }

    public DateTimeOffset? BillingAnchor { get; private set; }

    public DateTimeOffset? PeriodStart { get; private set; }

    public DateTimeOffset? PeriodEnd { get; private set; }

    public DateTimeOffset? ContractEndsAt { get; private set; }

    public DateTimeOffset? CancelAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? Reminder7SentAt { get; private set; }

    public DateTimeOffset? Reminder1SentAt { get; private set; }

    /// <summary>When the next trial reminder falls due (null: none left), so the sweep finds due reminders with an index.</summary>
    public DateTimeOffset? NextReminderAt { get; private set; }

    /// <summary>When the seller's software first reported usage; set by metering, null until then.</summary>
    public DateTimeOffset? FirstUsageAt { get; set; }

    /// <summary>Optimistic concurrency: the sweep on several nodes, or a buyer and the sweep, never both apply a change.</summary>
    public int Version { get; private set; }

    public List<AgreementEntitlement> Entitlements { get; init; } = [];

    /// <summary>The private offer this agreement was accepted from; null for a self-service subscription.</summary>
    public PrivateOfferId? PrivateOfferId { get; init; }

    /// <summary>The agreement this one replaced (a private offer accepted over a running agreement); tells a renewal.</summary>
    public AgreementId? ReplacesAgreementId { get; init; }

    public string OfferId => PrivateOfferId is { } offer ? PrivateOfferIdentifier(offer) : OfferIdFor(PlanId, PlanVersion);

    public bool InForce => Status is AgreementStatus.Trial or AgreementStatus.Active or AgreementStatus.CancelPending or AgreementStatus.Suspended;

    public static string OfferIdFor(PlanId plan, int version) => $"offer-{plan.Value:N}-v{version}";

    /// <summary>The AWS-style offer identifier of a private offer: <c>offer-{guid:N}</c>.</summary>
    public static string PrivateOfferIdentifier(PrivateOfferId offer) => $"offer-{offer.Value:N}";

    /// <summary>
    /// An agreement accepted from a private offer at <paramref name="now"/>: the offer's terms copied, in its currency,
    /// <c>active</c> at once (offers carry no free trial), a contract running <see cref="ContractTerms.TermMonths"/> months from now.
    /// </summary>
    public static Agreement AcceptOffer(
        AgreementId id, string customerIdentifier, OrganisationId buyerId, string buyerName, string buyerCountry, OrganisationId sellerId, ProductId productId,
        string productTitle, string productSlug, PlanId planId, int planVersion, PlanTerms terms, string currency, AcceptedLicence licence,
        PrivateOfferId offerId, AgreementId? replaces, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(licence);
        var agreement = new Agreement
        {
            Id = id,
            CustomerIdentifier = customerIdentifier,
            BuyerId = buyerId,
            BuyerName = buyerName,
            BuyerCountry = buyerCountry,
            SellerId = sellerId,
            ProductId = productId,
            ProductTitle = productTitle,
            ProductSlug = productSlug,
            PlanId = planId,
            PlanVersion = planVersion,
            TermsJson = Agreements.TermsJson.Write(terms),
            Currency = currency,
            LicenceKind = licence.Kind,
            LicenceVersion = licence.Version,
            LicenceLanguage = licence.Language,
            AcceptedAt = now,
            PrivateOfferId = offerId,
            ReplacesAgreementId = replaces,
        };
        agreement.StartPaid(now, terms);
        agreement.Entitlements.AddRange(EntitlementsFor(agreement, terms));
        return agreement;
    }

    /// <summary>
    /// A new agreement accepted at <paramref name="now"/>. With a free trial (and <paramref name="trialAllowed"/>: one trial
    /// per buyer and product) it starts in <c>trial</c> and its paid periods begin when the trial ends; otherwise it is
    /// <c>active</c> at once. A contract runs <see cref="ContractTerms.TermMonths"/> months from the start of paid use.
    /// </summary>
    public static Agreement Accept(
        AgreementId id, string customerIdentifier, OrganisationId buyerId, string buyerName, string buyerCountry, ListingDto listing, PlanVersionDto plan,
        AcceptedLicence licence, string termsJson, bool trialAllowed, DateTimeOffset now)
    {
        var agreement = new Agreement
        {
            Id = id,
            CustomerIdentifier = customerIdentifier,
            BuyerId = buyerId,
            BuyerName = buyerName,
            BuyerCountry = buyerCountry,
            SellerId = listing.SellerId,
            ProductId = listing.Id,
            ProductTitle = listing.Title,
            ProductSlug = listing.Slug,
            PlanId = plan.PlanId,
            PlanVersion = plan.Version,
            TermsJson = termsJson,
            Currency = plan.Terms.Currency,
            LicenceKind = licence.Kind,
            LicenceVersion = licence.Version,
            LicenceLanguage = licence.Language,
            AcceptedAt = now,
        };

        if (plan.Terms.FreeTrial is { } trial && trialAllowed)
        {
            agreement.Status = AgreementStatus.Trial;
            agreement.TrialEndsAt = now.AddDays(trial.Days);
            agreement.NextReminderAt = agreement.ScheduleNextReminder();
        }
        else
        {
            agreement.StartPaid(now, plan.Terms);
        }

        agreement.Entitlements.AddRange(EntitlementsFor(agreement, plan.Terms));
        return agreement;
    }

    /// <summary>
    /// What the agreement grants: a contract's entitlements (per month, or unlimited) until the contract ends; otherwise each
    /// dimension unlimited (usage is billed). During a trial the trial's quotas cap the dimensions they name, until the trial ends.
    /// </summary>
    private static IEnumerable<AgreementEntitlement> EntitlementsFor(Agreement agreement, PlanTerms terms)
    {
        var quotas = agreement.Status == AgreementStatus.Trial ? terms.FreeTrial?.Quotas ?? [] : [];
        var contract = terms.Contract?.Entitlements ?? [];
        var dimensions = (terms.Dimensions ?? []).Select(d => d.Key)
            .Concat(contract.Select(e => e.Dimension))
            .Distinct(StringComparer.Ordinal);
        foreach (var dimension in dimensions)
        {
            var paidFrom = agreement.AcceptedAt;
            if (quotas.FirstOrDefault(q => string.Equals(q.Dimension, dimension, StringComparison.Ordinal)) is { } quota)
            {
                yield return AgreementEntitlement.For(agreement, dimension, quota.Quantity, unlimited: false, trialQuota: true, agreement.AcceptedAt, agreement.TrialEndsAt);
                paidFrom = agreement.TrialEndsAt!.Value;
            }

            yield return contract.FirstOrDefault(e => string.Equals(e.Dimension, dimension, StringComparison.Ordinal)) is { } included
                ? AgreementEntitlement.For(agreement, dimension, included.Quantity, included.Unlimited, trialQuota: false, paidFrom, agreement.ContractEndsAt)
                : AgreementEntitlement.For(agreement, dimension, null, unlimited: true, trialQuota: false, paidFrom, agreement.ContractEndsAt);
        }
    }

    /// <summary>Converts an ended trial (or a trial cancelled for its end, which then ends instead).</summary>
    public Transition? ConvertTrialIfEnded(DateTimeOffset now, PlanTerms terms)
    {
        if (Status != AgreementStatus.Trial || TrialEndsAt is not { } end || end > now)
        {
            return null;
        }

        StartPaid(end, terms);
        Touch();
        return Transition.TrialConverted;
    }

    /// <summary>
    /// The reminder due at <paramref name="now"/>, if any, recorded so it is never sent twice. A reminder is due from
    /// <c>trial end − N days</c> until the trial ends; one whose moment passed before the trial began (a trial shorter than N
    /// days) is skipped, and when both are due at once only the nearer (1 day) is sent.
    /// </summary>
    public int? TakeDueReminder(DateTimeOffset now)
    {
        if (Status != AgreementStatus.Trial || TrialEndsAt is not { } end || now >= end)
        {
            return null;
        }

        int? due = null;
        foreach (var days in ReminderDays)
        {
            var at = end.AddDays(-days);
            if (now >= at && at > AcceptedAt && SentAt(days) is null)
            {
                due = days;
            }
        }

        if (due is { } chosen)
        {
            // The 7-day reminder is pointless once the 1-day one is due: mark both.
            foreach (var days in ReminderDays.Where(d => d >= chosen))
            {
                MarkSent(days, now);
            }

        }

        NextReminderAt = ScheduleNextReminder();
        Touch();
        return due;
    }

    /// <summary>The earliest reminder not yet sent whose moment falls inside the trial (after it began).</summary>
    private DateTimeOffset? ScheduleNextReminder()
    {
        if (Status != AgreementStatus.Trial || TrialEndsAt is not { } end)
        {
            return null;
        }

        foreach (var days in ReminderDays.OrderDescending())
        {
            var at = end.AddDays(-days);
            if (at > AcceptedAt && SentAt(days) is null)
            {
                return at;
            }
        }

        return null;
    }

    public DateTimeOffset? SentAt(int days) => days switch
    {
        7 => Reminder7SentAt,
        1 => Reminder1SentAt,
        _ => throw new ArgumentOutOfRangeException(nameof(days), days, "Reminders are sent 7 and 1 days before a trial ends."),
    };

    private void MarkSent(int days, DateTimeOffset now)
    {
        switch (days)
        {
            case 7: Reminder7SentAt ??= now; break;
            case 1: Reminder1SentAt ??= now; break;
        }
    }

    /// <summary>Ends a pending cancellation whose date has come.</summary>
    public Transition? ApplyScheduledCancellation(DateTimeOffset now)
    {
        if (Status != AgreementStatus.CancelPending || CancelAt is not { } at || at > now)
        {
            return null;
        }

        End(AgreementStatus.Cancelled, at);
        return Transition.Cancelled;
    }

    /// <summary>Ends a contract whose term is over.</summary>
    public Transition? ExpireIfContractEnded(DateTimeOffset now)
    {
        if (Status != AgreementStatus.Active || ContractEndsAt is not { } end || end > now)
        {
            return null;
        }

        End(AgreementStatus.Expired, end);
        return Transition.Expired;
    }

    /// <summary>Moves the current period forward to the one containing <paramref name="now"/>; true when it moved.</summary>
    public bool RollPeriod(DateTimeOffset now)
    {
        if (Status is not (AgreementStatus.Active or AgreementStatus.CancelPending or AgreementStatus.Suspended) || BillingAnchor is not { } anchor || PeriodEnd is not { } end || end > now)
        {
            return false;
        }

        (PeriodStart, PeriodEnd) = MonthlyPeriods.Containing(anchor, now);
        Touch();
        return true;
    }

    public Transition Cancel(CancellationTiming timing, DateTimeOffset now)
    {
        if (!InForce)
        {
            throw new DomainException("agreement-ended", $"Agreement {Id} has already ended ({Wire(Status)}).", DomainErrorKind.Conflict);
        }

        if (timing == CancellationTiming.Immediately || Status == AgreementStatus.Suspended)
        {
            End(AgreementStatus.Cancelled, now);
            return Transition.Cancelled;
        }

        if (Status == AgreementStatus.CancelPending)
        {
            throw new DomainException("cancellation-pending", $"Agreement {Id} is already cancelled for {CancelAt:O}.", DomainErrorKind.Conflict);
        }

        CancelAt = Status == AgreementStatus.Trial ? TrialEndsAt : PeriodEnd;
        Status = AgreementStatus.CancelPending;
        NextReminderAt = null;
        Touch();
        return Transition.CancellationScheduled;
    }

    public Transition Resume()
    {
        if (Status != AgreementStatus.CancelPending)
        {
            throw new DomainException("no-cancellation-pending", $"Agreement {Id} has no cancellation to withdraw ({Wire(Status)}).", DomainErrorKind.Conflict);
        }

        // A trial cancelled for its end is still a trial until then.
        Status = BillingAnchor is null ? AgreementStatus.Trial : AgreementStatus.Active;
        CancelAt = null;
        NextReminderAt = ScheduleNextReminder();
        Touch();
        return Transition.CancellationWithdrawn;
    }

    public Transition Suspend(string reason)
    {
        if (Status is not (AgreementStatus.Trial or AgreementStatus.Active or AgreementStatus.CancelPending))
        {
            throw new DomainException("agreement-not-suspendable", $"Agreement {Id} is {Wire(Status)}; only trial, active or cancel_pending agreements can be suspended.", DomainErrorKind.Conflict);
        }

        StatusBeforeSuspension = Status;
        Status = AgreementStatus.Suspended;
        SuspensionReason = reason;
        Touch();
        return Transition.Suspended;
    }

    public Transition Reinstate()
    {
        if (Status != AgreementStatus.Suspended)
        {
            throw new DomainException("agreement-not-suspended", $"Agreement {Id} is {Wire(Status)}, not suspended.", DomainErrorKind.Conflict);
        }

        Status = StatusBeforeSuspension ?? AgreementStatus.Active;
        StatusBeforeSuspension = null;
        SuspensionReason = null;
        Touch();
        return Transition.Reinstated;
    }

    /// <summary>Ends the agreement now because a private offer that replaces it was accepted: entitlements end now.</summary>
    public Transition Replace(DateTimeOffset now)
    {
        if (!InForce)
        {
            throw new DomainException("agreement-ended", $"Agreement {Id} has already ended ({Wire(Status)}).", DomainErrorKind.Conflict);
        }

        End(AgreementStatus.Replaced, now);
        return Transition.Replaced;
    }

    /// <summary>The wire form of a status: <c>cancel_pending</c>.</summary>
    public static string Wire(AgreementStatus status) => status switch
    {
        AgreementStatus.CancelPending => "cancel_pending",
        _ => status.ToString().ToLowerInvariant(),
    };

    private void StartPaid(DateTimeOffset from, PlanTerms terms)
    {
        Status = AgreementStatus.Active;
        NextReminderAt = null;
        BillingAnchor = from;
        PeriodStart = from;
        PeriodEnd = from.AddMonths(1);
        if (terms.Contract is { } contract)
        {
            ContractEndsAt = from.AddMonths(contract.TermMonths);
            foreach (var entitlement in Entitlements.Where(e => e.ValidTo is null && !e.IsTrialQuota))
            {
                entitlement.ValidTo = ContractEndsAt;
            }
        }
    }

    private void End(AgreementStatus status, DateTimeOffset at)
    {
        Status = status;
        NextReminderAt = null;
        EndedAt = at;
        CancelAt = null;
        StatusBeforeSuspension = null;
        foreach (var entitlement in Entitlements.Where(e => e.ValidTo is null || e.ValidTo > at))
        {
            entitlement.ValidTo = at < entitlement.ValidFrom ? entitlement.ValidFrom : at;
        }

        Touch();
    }

    private void Touch() => Version++;
}

/// <summary>What a lifecycle method did.</summary>
internal enum Transition
{
    TrialConverted,
    CancellationScheduled,
    CancellationWithdrawn,
    Cancelled,
    Expired,
    Suspended,
    Reinstated,
    Replaced,
}
