using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Payments.BankCollections;

/// <summary>
/// A buyer's authorisation for one operator entity to collect from its account by SEPA Core direct debit.
/// </summary>
/// <remarks>
/// <see cref="Reference"/> is unique and never changes; with <see cref="CreditorId"/> it is the mandate key of the SEPA
/// rulebook, so both are copied at signature and a later change of the entity's creditor identifier does not alter
/// signed mandates. <see cref="Iban"/> is in electronic format, MOD 97 checked. <see cref="FirstCollectionBatchedAt"/>
/// is set when the first collection goes into a batch: until then the mandate's collections are <c>FRST</c>, after
/// it <c>RCUR</c>. A revoked mandate stays for the record and is never used again.
/// </remarks>
internal sealed class SepaMandate
{
    public SepaMandateId Id { get; init; }

    public required string Reference { get; init; }

    public OrganisationId BuyerId { get; init; }

    public required string DebtorName { get; init; }

    public required string Iban { get; init; }

    public string? Bic { get; init; }

    public DateOnly SignedOn { get; init; }

    public required string EntityCode { get; init; }

    public required string CreditorId { get; init; }

    public required string CreditorName { get; init; }

    public SepaMandateStatus Status { get; set; }

    public DateTimeOffset? FirstCollectionBatchedAt { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string NextSequenceType => FirstCollectionBatchedAt is null ? "FRST" : "RCUR";

    public static string Mask(string iban) => iban.Length <= 6 ? iban : string.Concat(iban.AsSpan(0, 2), "…", iban.AsSpan(iban.Length - 4));

    public SepaMandateDto ToDto() => new(
        Id, Reference, BuyerId, DebtorName, Mask(Iban), Bic, SignedOn, EntityCode, CreditorId, CreditorName, Status, NextSequenceType, CreatedAt, RevokedAt);
}
