using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Events;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Contracts.Agreements;

/// <summary>
/// Where a private offer is in its life: <c>draft → published</c> when the seller sends it; <c>published → viewed</c> the
/// first time the buyer opens it; <c>published | viewed → accepted | declined</c> by the buyer; <c>→ expired</c> when its
/// expiry date passes unaccepted; <c>draft | published | viewed → withdrawn</c> by the seller. Accepted, declined, expired
/// and withdrawn are final. See docs/private-offers.md.
/// </summary>
public enum PrivateOfferStatus
{
    Draft,
    Published,
    Viewed,
    Accepted,
    Declined,
    Expired,
    Withdrawn,
}

/// <summary>
/// What a seller writes: a product, the buyer (an organisation, or an email domain to invite when the buyer has no
/// organisation yet), the prices and the contract, in one currency. Starting from a self-service agreement
/// (<see cref="FromAgreementId"/>) takes its product, buyer and plan; <see cref="ReplaceAgreement"/> then makes
/// acceptance end that agreement (prorated credit for prepaid fees, no overlap in billing).
/// </summary>
/// <param name="ProductId">The seller's product.</param>
/// <param name="BasePlanId">The published plan whose dimensions (and prices, before the offer's) the offer starts from;
/// null with <see cref="FromAgreementId"/> (its plan), otherwise required.</param>
/// <param name="FromAgreementId">A buyer's agreement for the product the offer starts from.</param>
/// <param name="BuyerId">The buyer organisation; null when <see cref="BuyerEmailDomain"/> invites one.</param>
/// <param name="BuyerEmailDomain">An email domain (<c>example.de</c>): any buyer organisation whose users sign in with it may open the offer.</param>
/// <param name="Currency">ISO 4217: USD, EUR, GBP, AUD, JPY, or another currency the seller entity has a payout account in.
/// Offers with usage prices are USD unless the operator enables more (<c>PrivateOffers:UsageCurrencies</c>).</param>
/// <param name="SellerEntityId">The seller's legal entity that sells it; it must have a payout bank account in <see cref="Currency"/>.</param>
/// <param name="TermMonths">Contract term, 1 to 60 months.</param>
/// <param name="Prices">Per dimension: a custom unit price, or a percentage discount on the base plan's prices. Dimensions not
/// listed keep the base plan's prices (converted only by being restated in the offer's currency: a non-USD usage offer must
/// price every dimension it keeps).</param>
/// <param name="ContractPrice">The fixed contract fee for the term (decimal string in <see cref="Currency"/>); null or "0" for
/// usage only.</param>
/// <param name="Entitlements">What the contract includes per dimension (per month, or unlimited).</param>
/// <param name="Installments">Null or empty: the contract fee is paid upfront on acceptance. Otherwise 1 to 60 payments with
/// dates (ascending, not in the past, inside the term) and amounts that sum exactly to <see cref="ContractPrice"/>.</param>
/// <param name="Overage">Use beyond an entitlement is charged at the dimension's (offer) price.</param>
/// <param name="ReplaceAgreement">With <see cref="FromAgreementId"/>: acceptance ends that agreement and the offer's agreement takes its place.</param>
/// <param name="Licence">The operator's standard contract or custom terms.</param>
/// <param name="CustomTerms">Markdown, required with <see cref="LicenceKind.Custom"/>.</param>
/// <param name="ExpiresOn">The last day (UTC) the buyer may accept; today or later.</param>
/// <param name="NoteToBuyer">Plain text shown to the buyer, up to 2,000 characters.</param>
/// <param name="Name">The offer's title for both sides; defaults to "{product} private offer".</param>
public sealed record PrivateOfferDraft(
    ProductId ProductId,
    PlanId? BasePlanId,
    AgreementId? FromAgreementId,
    OrganisationId? BuyerId,
    string? BuyerEmailDomain,
    string Currency,
    SellerEntityId SellerEntityId,
    int TermMonths,
    IReadOnlyList<OfferDimensionPrice>? Prices,
    string? ContractPrice,
    IReadOnlyList<Entitlement>? Entitlements,
    IReadOnlyList<OfferInstallment>? Installments,
    bool Overage,
    bool ReplaceAgreement,
    LicenceKind Licence,
    string? CustomTerms,
    DateOnly ExpiresOn,
    string? NoteToBuyer,
    string? Name);

/// <summary>One dimension's offer price: exactly one of <see cref="UnitPrice"/> (decimal string, per unit, in the offer's
/// currency) or <see cref="DiscountPercent"/> (0 &lt; d ≤ 100, applied to every price of the base plan's model).</summary>
public sealed record OfferDimensionPrice(string Dimension, string? UnitPrice, decimal? DiscountPercent);

/// <summary>One payment of a flexible schedule: <see cref="Amount"/> (decimal string in the offer's currency) due on <see cref="DueOn"/> (UTC date).</summary>
public sealed record OfferInstallment(DateOnly DueOn, string Amount);

/// <summary>One payment of an offer's schedule as the buyer sees it. A date before acceptance falls due on acceptance.</summary>
public sealed record ScheduledPayment(int Number, DateOnly DueOn, Money Amount);

/// <summary>One step of an offer's life: who did what, when.</summary>
public sealed record PrivateOfferStep(string Action, string Actor, DateTimeOffset At, string? Detail);

/// <summary>
/// A private offer. <see cref="Terms"/> are the terms an agreement will copy on acceptance (prices in
/// <see cref="Currency"/>, the contract with its <see cref="ContractTerms.Schedule"/>); <see cref="ContractValue"/> is the
/// pre-tax total contract value (the contract fee; usage is not counted). <see cref="OfferId"/> is the AWS-style
/// offer identifier agreements and webhooks carry.
/// </summary>
public sealed record PrivateOfferDto(
    PrivateOfferId Id,
    string OfferId,
    string Name,
    PrivateOfferStatus Status,
    OrganisationId SellerId,
    string SellerName,
    SellerEntityId SellerEntityId,
    string SellerEntityName,
    ProductId ProductId,
    string ProductTitle,
    string ProductSlug,
    PlanId BasePlanId,
    OrganisationId? BuyerId,
    string? BuyerName,
    string? BuyerEmailDomain,
    string Currency,
    int TermMonths,
    PlanTerms Terms,
    Money ContractValue,
    IReadOnlyList<ScheduledPayment> Schedule,
    AgreementId? FromAgreementId,
    bool ReplaceAgreement,
    LicenceKind Licence,
    string? CustomTerms,
    DateOnly ExpiresOn,
    string? NoteToBuyer,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ViewedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DeclinedAt,
    string? DeclineReason,
    DateTimeOffset? WithdrawnAt,
    DateTimeOffset? ExpiredAt,
    AgreementId? AgreementId,
    PrivateOfferDraft Draft,
    IReadOnlyList<PrivateOfferStep> History);

/// <summary>Filters for listing offers; null means any.</summary>
public sealed record PrivateOfferFilter(PrivateOfferStatus? Status = null, ProductId? ProductId = null, OrganisationId? BuyerId = null, string? Currency = null);

/// <summary>The buyer's acceptance. <see cref="ReplaceAgreement"/> overrides the offer's default when the buyer has an agreement
/// in force for the product (true: end it now; false is refused while one is in force: one agreement per buyer and product).</summary>
public sealed record AcceptPrivateOffer(string Language, bool? ReplaceAgreement = null);

/// <summary>A seller's saved offer: the draft without a buyer, to start new offers from.</summary>
public sealed record OfferTemplateDto(OfferTemplateId Id, OrganisationId SellerId, string Name, PrivateOfferDraft Draft, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>Offer figures for a seller (or, for the operator, everyone) over <c>[From, To)</c> by the offers' publication time.</summary>
/// <param name="From">Start of the window (inclusive).</param>
/// <param name="To">End of the window (exclusive).</param>
/// <param name="Sent">Offers published in the window.</param>
/// <param name="Viewed">Of those, opened by the buyer (whatever happened next).</param>
/// <param name="Accepted">Of those, accepted.</param>
/// <param name="Declined">Of those, declined.</param>
/// <param name="Expired">Of those, expired.</param>
/// <param name="Withdrawn">Of those, withdrawn.</param>
/// <param name="MedianHoursToAccept">Median of publication → acceptance, over the accepted offers; null when none.</param>
/// <param name="ContractValue">Accepted offers' total contract value, per currency.</param>
public sealed record PrivateOfferReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Sent,
    int Viewed,
    int Accepted,
    int Declined,
    int Expired,
    int Withdrawn,
    double? MedianHoursToAccept,
    IReadOnlyList<Money> ContractValue);

/// <summary>What the listing fee of an agreement's charges depends on: the private offer it came from (if any), its
/// total contract value and when it was accepted (the day its value converts to USD for the fee tier), and whether it renews a
/// private offer.</summary>
public sealed record OfferFeeBasis(AgreementId AgreementId, PrivateOfferId OfferId, Money ContractValue, DateTimeOffset AcceptedAt, bool Renewal);

/// <summary>Reads of private offers; scoped by <see cref="AgreementsCaller"/>: a seller its own, a buyer those made to it (or
/// its email domain) once published, the operator all.</summary>
public interface IPrivateOffersQueries
{
    Task<Page<PrivateOfferDto>> ListAsync(PrivateOfferFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Null when it does not exist or the caller may not see it.</summary>
    Task<PrivateOfferDto?> FindAsync(PrivateOfferId id, AgreementsCaller caller, CancellationToken cancellationToken);

    Task<Page<OfferTemplateDto>> ListTemplatesAsync(AgreementsCaller seller, PageRequest page, CancellationToken cancellationToken);

    Task<OfferTemplateDto?> FindTemplateAsync(OfferTemplateId id, AgreementsCaller seller, CancellationToken cancellationToken);

    Task<PrivateOfferReport> ReportAsync(DateTimeOffset since, DateTimeOffset until, AgreementsCaller caller, CancellationToken cancellationToken);

    /// <summary>For the ledger's listing fee: the offer basis of those of <paramref name="agreementIds"/> that came from a private offer.</summary>
    Task<IReadOnlyList<OfferFeeBasis>> ListFeeBasesAsync(IReadOnlyCollection<AgreementId> agreementIds, CancellationToken cancellationToken);
}

/// <summary>Changes to private offers; only the web host calls these. Refusals are <see cref="DomainException"/>s and
/// <see cref="ValidationFailedException"/>s naming the field.</summary>
public interface IPrivateOffersCommands
{
    /// <summary>A seller writes a draft (validated in full, so a draft can always be published).</summary>
    Task<PrivateOfferDto> CreateAsync(PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken);

    /// <summary>Replaces a draft's terms; only drafts change.</summary>
    Task<PrivateOfferDto> UpdateAsync(PrivateOfferId id, PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken);

    /// <summary>Sends a draft to the buyer: it appears in the buyer's portal and by link, and the buyer is notified.</summary>
    Task<PrivateOfferDto> PublishAsync(PrivateOfferId id, AgreementsCaller seller, CancellationToken cancellationToken);

    Task<PrivateOfferDto> WithdrawAsync(PrivateOfferId id, string? reason, AgreementsCaller seller, CancellationToken cancellationToken);

    /// <summary>The buyer opened the offer: the first time, <c>published → viewed</c>. Returns the offer as the buyer sees it.</summary>
    Task<PrivateOfferDto> OpenAsync(PrivateOfferId id, AgreementsCaller buyer, CancellationToken cancellationToken);

    /// <summary>
    /// The buyer accepts: an agreement copying the offer's terms, in its currency, starting now (replacing the buyer's agreement
    /// for the product when asked), and <c>entitlement-updated</c> to the seller. Refused: expired (<c>offer-expired</c>),
    /// already decided (<c>offer-not-open</c>), a country the listing excludes (<c>country-excluded</c>), an agreement in force
    /// without replacement (<c>agreement-exists</c>).
    /// </summary>
    Task<AgreementDto> AcceptAsync(PrivateOfferId id, AcceptPrivateOffer acceptance, AgreementsCaller buyer, CancellationToken cancellationToken);

    Task<PrivateOfferDto> DeclineAsync(PrivateOfferId id, string reason, AgreementsCaller buyer, CancellationToken cancellationToken);

    /// <summary>Expires open offers whose expiry date has passed; returns how many.</summary>
    Task<int> ExpireDueAsync(CancellationToken cancellationToken);

    Task<OfferTemplateDto> SaveTemplateAsync(string name, PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken);

    Task DeleteTemplateAsync(OfferTemplateId id, AgreementsCaller seller, CancellationToken cancellationToken);
}

/// <summary>A seller published a private offer to a buyer (or an email domain).</summary>
public sealed record PrivateOfferPublished(PrivateOfferId OfferId, OrganisationId SellerId, ProductId ProductId, OrganisationId? BuyerId, string Currency, long ContractValueMinor, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The buyer opened a published offer for the first time.</summary>
public sealed record PrivateOfferViewed(PrivateOfferId OfferId, OrganisationId SellerId, ProductId ProductId, OrganisationId BuyerId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>The buyer accepted: <see cref="AgreementId"/> is the new agreement; <see cref="ReplacedAgreementId"/> the one it replaced.</summary>
public sealed record PrivateOfferAccepted(PrivateOfferId OfferId, AgreementId AgreementId, AgreementId? ReplacedAgreementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, string Currency, long ContractValueMinor, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PrivateOfferDeclined(PrivateOfferId OfferId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, string Reason, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PrivateOfferExpired(PrivateOfferId OfferId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;

public sealed record PrivateOfferWithdrawn(PrivateOfferId OfferId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// An agreement ended because the buyer accepted a private offer that replaces it (<c>replaced</c>, final) at
/// <see cref="OccurredAt"/>. Billing bills its usage up to then and credits, prorated by day, what was prepaid beyond it.
/// </summary>
public sealed record AgreementReplaced(AgreementId AgreementId, AgreementId ReplacementId, OrganisationId BuyerId, OrganisationId SellerId, ProductId ProductId, DateTimeOffset OccurredAt) : IIntegrationEvent;
