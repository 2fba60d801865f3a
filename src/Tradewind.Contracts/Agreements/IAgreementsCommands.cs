using Tradewind.Primitives.Ids;

namespace Tradewind.Contracts.Agreements;

/// <summary>Changes to agreements, entitlements and support tickets; only the web host calls these.</summary>
public interface IAgreementsCommands
{
    /// <summary>
    /// Subscribes the calling buyer to a published plan: copies its terms into an agreement, issues entitlements, notifies
    /// the seller and returns a registration token for the fulfilment hand-off. Refused: unpublished plan
    /// (<c>plan-not-available</c>), a country the listing excludes (<c>country-excluded</c>), an agreement already in force
    /// for the product (<c>agreement-exists</c>), a licence version that is no longer current (<c>licence-version-changed</c>).
    /// </summary>
    Task<Subscription> SubscribeAsync(SubscribeRequest request, AgreementsCaller buyer, CancellationToken cancellationToken);

    /// <summary>A fresh registration token for an agreement in force, for a buyer who did not finish the seller's setup in time.</summary>
    Task<FulfilmentHandoff> IssueRegistrationTokenAsync(AgreementId id, AgreementsCaller buyer, CancellationToken cancellationToken);

    /// <summary>
    /// The seller exchanges a registration token for the customer. Within its lifetime a token resolves, as often as asked
    /// and always to the same customer (as AWS's do), and only for the seller of its product:
    /// <c>registration-token-invalid</c>, <c>registration-token-expired</c>.
    /// </summary>
    Task<ResolvedCustomer> ResolveCustomerAsync(string registrationToken, AgreementsCaller seller, CancellationToken cancellationToken);

    /// <summary>The buyer (or the operator) cancels, now or at the end of the period.</summary>
    Task<AgreementDto> CancelAsync(AgreementId id, CancellationTiming timing, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>The buyer withdraws a cancellation that has not taken effect yet.</summary>
    Task<AgreementDto> ResumeAsync(AgreementId id, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>The seller (or the operator) suspends an agreement for cause; the reason goes to the audit trail.</summary>
    Task<AgreementDto> SuspendAsync(AgreementId id, string reason, AgreementsCaller caller, CancellationToken cancellationToken);

    Task<AgreementDto> ReinstateAsync(AgreementId id, string reason, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>
    /// Applies everything due at the clock's current time: converts ended trials, sends trial reminders (7 and 1 days
    /// before the end, each once), applies cancellations, expires ended contracts and rolls billing periods.
    /// </summary>
    Task<LifecycleSweepResult> SweepAsync(CancellationToken cancellationToken);

    Task<TicketDto> OpenTicketAsync(NewTicket ticket, AgreementsCaller buyer, CancellationToken cancellationToken);

    /// <summary>Adds a message; the seller may also set the status (waiting or solved), the buyer's message reopens.</summary>
    Task<TicketDto> ReplyToTicketAsync(TicketId id, string text, TicketStatus? status, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>
    /// Metering saw the agreement's first usage record (timestamped <paramref name="at"/>): sets <c>FirstUsageAt</c> once
    /// (an earlier instant wins) and publishes the first-usage event. Idempotent.
    /// </summary>
    Task RecordFirstUsageAsync(AgreementId id, DateTimeOffset at, CancellationToken cancellationToken);
}
