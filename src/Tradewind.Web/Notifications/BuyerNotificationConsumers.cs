using System.Globalization;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Notifications;

/// <summary>
/// Turns agreement and billing events into buyer notifications. Each notification's source key names the event
/// (kind, subject, instant), so an event the outbox delivers again is not notified twice.
/// </summary>
internal sealed class BuyerNotificationConsumers(BuyerNotifier notifier, IAgreementsQueries agreements, IAccountsQueries accounts) :
    IIntegrationEventConsumer<AgreementCreated>,
    IIntegrationEventConsumer<TrialEndingReminderSent>,
    IIntegrationEventConsumer<TrialConverted>,
    IIntegrationEventConsumer<AgreementCancellationScheduled>,
    IIntegrationEventConsumer<AgreementCancelled>,
    IIntegrationEventConsumer<AgreementSuspended>,
    IIntegrationEventConsumer<AgreementReinstated>,
    IIntegrationEventConsumer<InvoiceFinalized>,
    IIntegrationEventConsumer<InvoicePaid>
{
    private NotificationTexts Texts => notifier.Texts;

    public async Task ConsumeAsync(AgreementCreated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (await FindAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, cancellationToken) is not { } agreement)
        {
            return;
        }

        var (product, plan) = (agreement.ProductTitle, agreement.Terms.Name);
        if (integrationEvent.Trial && agreement.TrialEndsAt is { } trialEnd)
        {
            await NotifyAsync(integrationEvent.BuyerId, NotificationKind.TrialStarted, integrationEvent.AgreementId, integrationEvent.OccurredAt, r => Texts.TrialStarted(r, product, plan, trialEnd), cancellationToken);
        }
        else
        {
            await NotifyAsync(integrationEvent.BuyerId, NotificationKind.SubscriptionStarted, integrationEvent.AgreementId, integrationEvent.OccurredAt, r => Texts.SubscriptionStarted(r, product, plan), cancellationToken);
        }
    }

    public async Task ConsumeAsync(TrialEndingReminderSent integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (await FindAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, cancellationToken) is not { } agreement)
        {
            return;
        }

        await NotifyAsync(
            integrationEvent.BuyerId, NotificationKind.TrialEnding, integrationEvent.AgreementId, integrationEvent.OccurredAt,
            r => Texts.TrialEnding(r, agreement.ProductTitle, integrationEvent.DaysLeft, integrationEvent.TrialEndsAt), cancellationToken,
            $":{integrationEvent.DaysLeft.ToString(CultureInfo.InvariantCulture)}");
    }

    public Task ConsumeAsync(TrialConverted integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return OnAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, NotificationKind.TrialConverted, integrationEvent.OccurredAt, (r, product) => Texts.TrialConverted(r, product), cancellationToken);
    }

    public Task ConsumeAsync(AgreementCancellationScheduled integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return OnAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, NotificationKind.CancellationScheduled, integrationEvent.OccurredAt, (r, product) => Texts.CancellationScheduled(r, product, integrationEvent.EffectiveAt), cancellationToken);
    }

    public Task ConsumeAsync(AgreementCancelled integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return OnAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, NotificationKind.SubscriptionCancelled, integrationEvent.OccurredAt, (r, product) => Texts.Cancelled(r, product, integrationEvent.OccurredAt), cancellationToken);
    }

    public Task ConsumeAsync(AgreementSuspended integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return OnAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, NotificationKind.SubscriptionSuspended, integrationEvent.OccurredAt, (r, product) => Texts.Suspended(r, product, integrationEvent.OccurredAt, integrationEvent.Reason), cancellationToken);
    }

    public Task ConsumeAsync(AgreementReinstated integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        return OnAgreementAsync(integrationEvent.AgreementId, integrationEvent.BuyerId, NotificationKind.SubscriptionReinstated, integrationEvent.OccurredAt, (r, product) => Texts.Reinstated(r, product, integrationEvent.OccurredAt, integrationEvent.Reason), cancellationToken);
    }

    public async Task ConsumeAsync(InvoiceFinalized integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        var link = $"/account/invoices/{e.InvoiceId}";
        if (e.Kind == InvoiceKind.CreditNote)
        {
            await notifier.NotifyAsync(e.BuyerId, $"CreditNoteIssued:{e.InvoiceId}", NotificationKind.CreditNoteIssued, link, e.OccurredAt, r => Texts.CreditNoteIssued(r, e.Number, e.OccurredAt, e.Total), cancellationToken);
            return;
        }

        var reverseCharge = await IsReverseChargeAsync(e, cancellationToken);
        await notifier.NotifyAsync(e.BuyerId, $"InvoiceIssued:{e.InvoiceId}", NotificationKind.InvoiceIssued, link, e.OccurredAt, r => Texts.InvoiceIssued(r, e.Number, e.OccurredAt, e.Subtotal, e.TotalTax, e.Total, reverseCharge), cancellationToken);
    }

    public async Task ConsumeAsync(InvoicePaid integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var e = integrationEvent;
        await notifier.NotifyAsync(e.BuyerId, $"InvoicePaid:{e.InvoiceId}", NotificationKind.InvoicePaid, $"/account/invoices/{e.InvoiceId}", e.OccurredAt, r => Texts.InvoicePaid(r, e.Number, e.Total, e.OccurredAt), cancellationToken);
    }

    /// <summary>
    /// The event carries no tax treatment, so it is inferred: no tax on a non-zero net amount, a buyer with a tax id,
    /// invoiced by an entity in another country — a cross-border B2B supply where the buyer self-accounts
    /// (EU VAT Directive art. 196 and its equivalents).
    /// </summary>
    private async Task<bool> IsReverseChargeAsync(InvoiceFinalized e, CancellationToken cancellationToken)
    {
        if (!e.TotalTax.IsZero || e.Subtotal.IsZero)
        {
            return false;
        }

        var profile = await accounts.FindBuyerProfileAsync(e.BuyerId, cancellationToken);
        if (profile?.TaxId is not { Length: > 0 })
        {
            return false;
        }

        var issuer = await accounts.FindOperatorEntityAsync(e.IssuerEntityCode, cancellationToken);
        return issuer is not null && !string.Equals(issuer.CountryCode, profile.Address.CountryCode, StringComparison.Ordinal);
    }

    private async Task OnAgreementAsync(AgreementId agreementId, OrganisationId buyerId, NotificationKind kind, DateTimeOffset occurredAt, Func<NotificationReader, string, NotificationText> write, CancellationToken cancellationToken)
    {
        if (await FindAgreementAsync(agreementId, buyerId, cancellationToken) is not { } agreement)
        {
            return;
        }

        await NotifyAsync(buyerId, kind, agreementId, occurredAt, r => write(r, agreement.ProductTitle), cancellationToken);
    }

    private Task<bool> NotifyAsync(OrganisationId buyerId, NotificationKind kind, AgreementId agreementId, DateTimeOffset occurredAt, Func<NotificationReader, NotificationText> write, CancellationToken cancellationToken, string suffix = "") =>
        notifier.NotifyAsync(
            buyerId,
            string.Create(CultureInfo.InvariantCulture, $"{kind}:{agreementId}:{occurredAt.UtcTicks}{suffix}"),
            kind,
            $"/account/subscriptions/{agreementId}",
            occurredAt,
            write,
            cancellationToken);

    private Task<AgreementDto?> FindAgreementAsync(AgreementId id, OrganisationId buyerId, CancellationToken cancellationToken) =>
        agreements.FindAsync(id, new AgreementsCaller(buyerId, Roles.Buyer, "system:notifications"), cancellationToken);
}
