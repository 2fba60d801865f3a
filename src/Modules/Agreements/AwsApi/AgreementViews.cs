using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Agreements.AwsApi;

/// <summary>
/// An agreement as the AWS Agreement service shows it (aws-marketplace.md §4). Every Tradewind agreement is a
/// <c>PurchaseAgreement</c> for a <c>SaaSProduct</c>; the seller is the proposer (<c>accountId</c> = its organisation id),
/// the buyer the acceptor (<c>accountId</c> = the customer identifier, which names the buyer to this product only).
/// Statuses: trial, active, cancel_pending and suspended are <c>ACTIVE</c>, cancelled is <c>CANCELLED</c>, expired is
/// <c>EXPIRED</c>, replaced (by a private offer's agreement) is <c>REPLACED</c>. Its end is when it ended, else its pending cancellation, else its contract's end; an open-ended
/// subscription has none.
/// </summary>
internal static class AgreementViews
{
    public const string PurchaseAgreement = "PurchaseAgreement";
    public const string SaaSProduct = "SaaSProduct";

    public static string Status(AgreementStatus status) => status switch
    {
        AgreementStatus.Cancelled => "CANCELLED",
        AgreementStatus.Expired => "EXPIRED",
        AgreementStatus.Replaced => "REPLACED",
        _ => "ACTIVE",
    };

    /// <summary>The Tradewind statuses an AWS status stands for; none for AWS statuses Tradewind has no equivalent of.</summary>
    public static IReadOnlyList<AgreementStatus> Statuses(string awsStatus) => awsStatus switch
    {
        "ACTIVE" => [AgreementStatus.Trial, AgreementStatus.Active, AgreementStatus.CancelPending, AgreementStatus.Suspended],
        "CANCELLED" => [AgreementStatus.Cancelled],
        "EXPIRED" => [AgreementStatus.Expired],
        "REPLACED" => [AgreementStatus.Replaced],
        _ => [],
    };

    public static readonly IReadOnlyList<string> AwsStatuses = ["ACTIVE", "ARCHIVED", "CANCELLED", "EXPIRED", "RENEWED", "REPLACED", "ROLLED_BACK", "SUPERSEDED", "TERMINATED"];

    public static DateTimeOffset? EndTime(AgreementDto a) => a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt;

    /// <summary>
    /// What happens at the end: a contract expires (Tradewind contracts do not renew), a cancelled subscription expires
    /// because the buyer opted out, a running subscription renews month by month on the same offer.
    /// </summary>
    public static EndTimeBehaviorView EndTimeBehavior(AgreementDto a) => a switch
    {
        { Status: AgreementStatus.Cancelled or AgreementStatus.Expired or AgreementStatus.Replaced } => new("EXPIRE", null, null),
        { Status: AgreementStatus.CancelPending } => new("EXPIRE", "ACCEPTOR_RENEW_OPTED_OUT", null),
        { Terms.Contract: not null } => new("EXPIRE", "NO_RENEWAL_TERM", null),
        _ => new("RENEW", null, new RenewalSummaryView(a.OfferId)),
    };

    public static ProposalSummaryView Proposal(AgreementDto a) => new([new ResourceView(a.ProductCode, SaaSProduct)], a.OfferId);

    public static AgreementViewSummary Summary(AgreementDto a)
    {
        var behavior = EndTimeBehavior(a);
        return new AgreementViewSummary(
            a.Id.ToString(), a.AcceptedAt, a.AcceptedAt, EndTime(a), PurchaseAgreement, new PartyView(a.CustomerIdentifier), new PartyView(a.SellerId.ToString()),
            Proposal(a), Status(a.Status), behavior.Type, behavior.ReasonCode);
    }

    /// <summary>The committed value: a contract's price; "0" for a subscription whose charges all come from usage.</summary>
    public static DescribeAgreementResponse Describe(AgreementDto a) => new(
        a.Id.ToString(), new PartyView(a.CustomerIdentifier), new PartyView(a.SellerId.ToString()), a.AcceptedAt, EndTime(a), a.AcceptedAt, PurchaseAgreement,
        new EstimatedChargesView(a.Currency, a.Terms.Contract?.Price ?? "0"), Proposal(a), Status(a.Status), EndTimeBehavior(a));

    /// <summary>
    /// The accepted terms, in a fixed order: legal, validity, free trial, upfront price and payment schedule (contracts),
    /// usage prices. <paramref name="siteUrl"/> is this Tradewind's root URL, for the licence documents' addresses.
    /// </summary>
    public static IReadOnlyList<AcceptedTermView> Terms(AgreementDto a, string siteUrl)
    {
        var terms = a.Terms;
        var list = new List<AcceptedTermView>
        {
            new()
            {
                LegalTerm = new LegalTermView("LegalTerm", TermId(a, "LegalTerm"), [a.Licence.Kind == LicenceKind.Standard
                    ? new DocumentItemView("StandardEula", $"{siteUrl}/legal/standard-contract/{Uri.EscapeDataString(a.Licence.Version)}", a.Licence.Version)
                    : new DocumentItemView("CustomEula", $"{siteUrl}/products/{Uri.EscapeDataString(a.ProductSlug)}", a.Licence.Version)]),
            },
            new() { ValidityTerm = new ValidityTermView("ValidityTerm", TermId(a, "ValidityTerm"), Duration(terms), a.AcceptedAt, EndTime(a)) },
        };

        if (terms.FreeTrial is { } trial)
        {
            list.Add(new()
            {
                FreeTrialPricingTerm = new FreeTrialPricingTermView(
                    "FreeTrialPricingTerm", TermId(a, "FreeTrialPricingTerm"), $"P{trial.Days}D",
                    (trial.Quotas ?? []).Select(q => new GrantItemView(q.Dimension, WholeUnits(q.Quantity))).ToList()),
            });
        }

        if (terms.Contract is { } contract)
        {
            list.Add(new()
            {
                FixedUpfrontPricingTerm = new FixedUpfrontPricingTermView(
                    "FixedUpfrontPricingTerm", TermId(a, "FixedUpfrontPricingTerm"), a.Currency, $"P{contract.TermMonths}M", contract.Price,
                    contract.Entitlements.Select(e => new GrantItemView(e.Dimension, e.Unlimited || e.Quantity is null ? null : WholeUnits(e.Quantity.Value))).ToList()),
            });
            if ((contract.Installments > 1 || contract.Schedule is { Count: > 0 }) && PaymentSchedule(a, contract) is { } schedule)
            {
                list.Add(new() { PaymentScheduleTerm = schedule });
            }
        }

        var rates = (terms.Dimensions ?? []).Where(d => d.Price is not null).Select(d => new RateCardItemView(d.Key, UnitPrice(d.Price!))).ToList();
        if (rates.Count > 0)
        {
            list.Add(new()
            {
                UsageBasedPricingTerm = new UsageBasedPricingTermView("UsageBasedPricingTerm", TermId(a, "UsageBasedPricingTerm"), a.Currency, [new UsageBasedRateCardView(rates)]),
            });
        }

        return list;
    }

    /// <summary>
    /// The one price per unit AWS's rate card holds. Per unit: that price. Graduated and volume tiers: the first tier's
    /// price (what the first units cost; the full tiers are in the REST API's agreement terms). Package: the package
    /// price divided by its size, to 10 decimal places.
    /// </summary>
    public static string UnitPrice(PriceModelTerms price) => price.Model switch
    {
        PriceModelKind.PerUnit => price.UnitPrice ?? "0",
        PriceModelKind.Graduated or PriceModelKind.Volume => price.Tiers is { Count: > 0 } tiers ? tiers[0].UnitPrice : "0",
        PriceModelKind.Package when price.PackageSize is > 0 && decimal.TryParse(price.PackagePrice, NumberStyles.Number, CultureInfo.InvariantCulture, out var package) =>
            decimal.Round(package / price.PackageSize.Value, 10, MidpointRounding.AwayFromZero).ToString("0.##########", CultureInfo.InvariantCulture),
        _ => "0",
    };

    private static string? Duration(PlanTerms terms) => (terms.FreeTrial, terms.Contract) switch
    {
        (null, { } contract) => $"P{contract.TermMonths}M",
        ({ } trial, { } contract) => $"P{contract.TermMonths}M{trial.Days}D",
        _ => null,
    };

    /// <summary>
    /// A private offer's explicit schedule as written (a date before acceptance falls due at acceptance); otherwise equal
    /// installments that add up to the price exactly (the remainder spread by largest remainder, as the plan's published
    /// schedule is), due from the start of paid use at even steps of <c>TermMonths / Installments</c> months.
    /// </summary>
    private static PaymentScheduleTermView? PaymentSchedule(AgreementDto a, ContractTerms contract)
    {
        if (contract.Schedule is { Count: > 0 } explicitSchedule)
        {
            return new PaymentScheduleTermView(
                "PaymentScheduleTerm", TermId(a, "PaymentScheduleTerm"), a.Currency,
                explicitSchedule.Select(p =>
                {
                    var due = new DateTimeOffset(p.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    return new ScheduleItemView(due < a.AcceptedAt ? a.AcceptedAt : due, p.Amount);
                }).ToList());
        }

        if (!Currency.TryFromCode(a.Currency, out var currency) || !Money.TryParse(contract.Price, currency, out var price))
        {
            return null;
        }

        // Paid use begins when the trial ends, or at acceptance without one (Agreement.Accept).
        var start = a.TrialEndsAt ?? a.AcceptedAt;
        var step = contract.TermMonths / contract.Installments;
        var amounts = price.Allocate(Enumerable.Repeat(1, contract.Installments).ToArray());
        return new PaymentScheduleTermView(
            "PaymentScheduleTerm", TermId(a, "PaymentScheduleTerm"), a.Currency,
            amounts.Select((amount, i) => new ScheduleItemView(start.AddMonths(i * step), amount.ToMajorString())).ToList());
    }

    private static long WholeUnits(decimal quantity) => quantity >= long.MaxValue ? long.MaxValue : (long)decimal.Truncate(quantity);

    /// <summary>A stable id per agreement and term kind, in AWS's <c>term-…</c> form.</summary>
    private static string TermId(AgreementDto a, string kind) =>
        "term-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{a.Id}/{kind}")))[..24];
}
