using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Peppol;

/// <summary>
/// The electronic address the operator allocated to a buyer that has no Peppol address of its own (a consumer, or a
/// business whose tax id has no Peppol scheme): a GLN under the operator's GS1 company prefix, given once, when the
/// buyer's first invoice is drafted, and never changed. <see cref="LocationReference"/> is unique, so no two buyers
/// share an address.
/// </summary>
/// <remarks>
/// The address identifies the buyer in the operator's records and makes the UBL documents complete (Peppol rule R010);
/// it is not registered with a Peppol access point, so documents addressed to it are for download and archive only.
/// </remarks>
internal sealed class PeppolBuyerAddress
{
    public OrganisationId OrganisationId { get; init; }

    public long LocationReference { get; init; }

    /// <summary><c>0088:</c> and the GLN, as printed.</summary>
    public required string ParticipantId { get; init; }

    public DateTimeOffset AllocatedAt { get; init; }
}
