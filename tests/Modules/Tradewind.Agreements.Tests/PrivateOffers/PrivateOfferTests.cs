using Tradewind.Agreements.PrivateOffers;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Tests.PrivateOffers;

public sealed class PrivateOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganisationId Buyer = OrganisationId.From(Guid.CreateVersion7());

    private static PrivateOffer Offer(PrivateOfferStatus status, DateOnly? expiresOn = null)
    {
        var offer = PrivateOffer.NewDraft(PrivateOfferId.From(Guid.CreateVersion7()), OrganisationId.From(Guid.CreateVersion7()), "Alpha", "seller@alpha", Now, o =>
        {
            o.BuyerId = Buyer;
            o.ExpiresOn = expiresOn ?? new DateOnly(2026, 11, 9);
        });
        switch (status)
        {
            case PrivateOfferStatus.Draft: break;
            case PrivateOfferStatus.Published: offer.Publish("seller@alpha", Now); break;
            case PrivateOfferStatus.Viewed: offer.Publish("seller@alpha", Now); offer.Open("buyer@delta", Now); break;
            case PrivateOfferStatus.Accepted: offer.Publish("s", Now); offer.Accept("b", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, Now); break;
            case PrivateOfferStatus.Declined: offer.Publish("s", Now); offer.Decline("b", "No budget", Now); break;
            case PrivateOfferStatus.Withdrawn: offer.Withdraw("s", null, Now); break;
            case PrivateOfferStatus.Expired: offer.Publish("s", Now); Assert.True(offer.ExpireIfDue(Now.AddDays(30))); break;
        }

        Assert.Equal(status, offer.Status);
        return offer;
    }

    public static TheoryData<PrivateOfferStatus> All => new(Enum.GetValues<PrivateOfferStatus>());

    [Fact]
    public void Every_step_is_recorded_with_who_and_when()
    {
        var offer = Offer(PrivateOfferStatus.Viewed);
        offer.Accept("buyer@delta", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, Now.AddHours(2));

        Assert.Equal(["created", "published", "viewed", "accepted"], offer.History.Select(s => s.Action));
        Assert.Equal(("buyer@delta", Now.AddHours(2)), (offer.History[^1].Actor, offer.History[^1].At));
        Assert.Equal(Now.AddHours(2), offer.AcceptedAt);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Only_a_draft_is_published_or_revised(PrivateOfferStatus status)
    {
        var offer = Offer(status);
        if (status == PrivateOfferStatus.Draft)
        {
            offer.Publish("s", Now);
            Assert.Equal(PrivateOfferStatus.Published, offer.Status);
            return;
        }

        Assert.Equal("offer-not-draft", Assert.Throws<DomainException>(() => offer.Publish("s", Now)).Code);
        Assert.Equal("offer-not-draft", Assert.Throws<DomainException>(() => offer.Revise("s", Now, _ => { })).Code);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Only_a_published_or_viewed_offer_is_accepted_or_declined(PrivateOfferStatus status)
    {
        var open = status is PrivateOfferStatus.Published or PrivateOfferStatus.Viewed;
        var accepting = Offer(status);
        var declining = Offer(status);
        if (open)
        {
            accepting.Accept("b", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, Now);
            declining.Decline("b", "Too expensive", Now);
            Assert.Equal((PrivateOfferStatus.Accepted, PrivateOfferStatus.Declined), (accepting.Status, declining.Status));
            return;
        }

        Assert.Equal("offer-not-open", Assert.Throws<DomainException>(() => accepting.Accept("b", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, Now)).Code);
        Assert.Equal("offer-not-open", Assert.Throws<DomainException>(() => declining.Decline("b", "No", Now)).Code);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Drafts_and_open_offers_are_withdrawn_final_ones_are_not(PrivateOfferStatus status)
    {
        var offer = Offer(status);
        if (status is PrivateOfferStatus.Draft or PrivateOfferStatus.Published or PrivateOfferStatus.Viewed)
        {
            offer.Withdraw("s", "Wrong price", Now);
            Assert.Equal(PrivateOfferStatus.Withdrawn, offer.Status);
            return;
        }

        Assert.Equal("offer-not-open", Assert.Throws<DomainException>(() => offer.Withdraw("s", null, Now)).Code);
    }

    [Fact]
    public void Opening_marks_a_published_offer_viewed_once()
    {
        var offer = Offer(PrivateOfferStatus.Published);

        Assert.True(offer.Open("b", Now.AddMinutes(5)));
        Assert.False(offer.Open("b", Now.AddMinutes(9)));
        Assert.Equal(Now.AddMinutes(5), offer.ViewedAt);
        Assert.False(Offer(PrivateOfferStatus.Draft).Open("b", Now));
    }

    [Fact]
    public void An_offer_is_open_until_the_end_of_its_expiry_day_in_UTC()
    {
        var offer = Offer(PrivateOfferStatus.Published, new DateOnly(2026, 11, 2));
        var lastMoment = new DateTimeOffset(2026, 11, 2, 23, 59, 59, TimeSpan.Zero);

        Assert.False(offer.ExpireIfDue(lastMoment));
        Assert.Equal("offer-expired", Assert.Throws<DomainException>(() => offer.Accept("b", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, lastMoment.AddSeconds(1))).Code);
        Assert.True(offer.ExpireIfDue(lastMoment.AddSeconds(1)));
        Assert.Equal(PrivateOfferStatus.Expired, offer.Status);
        Assert.False(offer.ExpireIfDue(lastMoment.AddDays(1)));
    }

    [Fact]
    public void A_draft_past_its_expiry_is_not_published()
    {
        var offer = Offer(PrivateOfferStatus.Draft, new DateOnly(2026, 11, 1));

        Assert.Contains("expiresOn", Assert.Throws<ValidationFailedException>(() => offer.Publish("s", Now)).Errors.Keys);
    }

    [Fact]
    public void An_offer_to_an_email_domain_is_made_to_any_organisation_whose_people_sign_in_with_it_until_one_accepts()
    {
        var offer = Offer(PrivateOfferStatus.Published);
        offer.BuyerId = null;
        offer.BuyerEmailDomain = "delta-handel.de";
        var other = OrganisationId.From(Guid.CreateVersion7());

        Assert.True(offer.IsMadeTo(other, ["DELTA-HANDEL.DE"]));
        Assert.False(offer.IsMadeTo(other, ["example.com"]));
        offer.Accept("b", Buyer, "Delta", AgreementId.From(Guid.CreateVersion7()), null, Now);
        Assert.False(offer.IsMadeTo(other, ["delta-handel.de"]));
        Assert.True(offer.IsMadeTo(Buyer, []));
    }
}
