using Microsoft.Extensions.Time.Testing;
using Tradewind.Accounts.Addresses;
using Tradewind.Accounts.SellerEntities;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts.Tests.SellerEntities;

public sealed class SellerEntityTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private SellerEntity NewEntity(string country = "DE") => new()
    {
        Id = SellerEntityId.New(_clock),
        SellerId = OrganisationId.New(_clock),
        LegalName = "Alpha Software GmbH",
        CountryCode = country,
        Address = new Address { Line1 = "Hauptstraße 1", City = "Berlin", CountryCode = country },
        TaxId = "DE136695976",
        CreatedAt = _clock.GetUtcNow(),
    };

    [Fact]
    public void A_new_entity_is_pending_and_files_the_form_of_its_country()
    {
        Assert.Equal(KycStatus.Pending, NewEntity().StatusAt(_clock.GetUtcNow()));
        Assert.Equal(TaxForms.W8BenE, NewEntity("DE").RequiredTaxForm);
        Assert.Equal(TaxForms.W9, NewEntity("US").RequiredTaxForm);
    }

    [Fact]
    public void Verifying_needs_a_tax_form_on_file()
    {
        var entity = NewEntity();

        var refused = Assert.Throws<DomainException>(() => entity.Verify(_clock.GetUtcNow(), _clock.GetUtcNow().AddYears(2), hasTaxForm: false, "op"));

        Assert.Equal("tax-form-missing", refused.Code);
        Assert.Equal(KycStatus.Pending, entity.StatusAt(_clock.GetUtcNow()));
    }

    [Fact]
    public void A_verification_expires_and_an_expired_entity_is_not_verified_until_verified_again()
    {
        var entity = NewEntity();
        var now = _clock.GetUtcNow();
        entity.Verify(now, now + SellerEntity.DefaultVerificationPeriod, hasTaxForm: true, "op");
        Assert.Equal(KycStatus.Verified, entity.StatusAt(_clock.GetUtcNow()));

        _clock.Advance(SellerEntity.DefaultVerificationPeriod - TimeSpan.FromSeconds(1));
        Assert.Equal(KycStatus.Verified, entity.StatusAt(_clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(KycStatus.Expired, entity.StatusAt(_clock.GetUtcNow()));
        Assert.False(entity.ToDto(_clock.GetUtcNow(), null).IsVerified);

        entity.Verify(_clock.GetUtcNow(), _clock.GetUtcNow().AddYears(1), hasTaxForm: true, "op");
        Assert.Equal(KycStatus.Verified, entity.StatusAt(_clock.GetUtcNow()));
    }

    [Fact]
    public void A_verified_entity_cannot_be_verified_twice_and_the_expiry_must_be_in_the_future()
    {
        var entity = NewEntity();
        var now = _clock.GetUtcNow();

        Assert.Throws<ValidationFailedException>(() => entity.Verify(now, now, hasTaxForm: true, "op"));
        entity.Verify(now, now.AddYears(2), hasTaxForm: true, "op");
        Assert.Equal("kyc-transition-not-allowed", Assert.Throws<DomainException>(() => entity.Verify(now, now.AddYears(2), hasTaxForm: true, "op")).Code);
    }

    [Fact]
    public void A_rejected_entity_keeps_its_reason_and_returns_to_pending_only_with_a_new_tax_form()
    {
        var entity = NewEntity();
        entity.Reject(_clock.GetUtcNow(), "Unsigned form.", "op");

        Assert.Equal(KycStatus.Rejected, entity.StatusAt(_clock.GetUtcNow()));
        Assert.Equal("Unsigned form.", entity.KycReason);
        Assert.Throws<DomainException>(() => entity.Verify(_clock.GetUtcNow(), _clock.GetUtcNow().AddYears(2), hasTaxForm: true, "op"));
        Assert.Throws<DomainException>(() => entity.Reject(_clock.GetUtcNow(), "again", "op"));

        Assert.True(entity.TaxFormReplaced());
        Assert.Equal(KycStatus.Pending, entity.StatusAt(_clock.GetUtcNow()));
        Assert.Null(entity.KycReason);
        Assert.False(entity.TaxFormReplaced());
    }

    [Fact]
    public void A_verified_entity_may_be_rejected_later()
    {
        var entity = NewEntity();
        entity.Verify(_clock.GetUtcNow(), _clock.GetUtcNow().AddYears(2), hasTaxForm: true, "op");

        entity.Reject(_clock.GetUtcNow(), "Sanctions screening hit.", "op");

        Assert.Equal(KycStatus.Rejected, entity.StatusAt(_clock.GetUtcNow()));
        Assert.Null(entity.KycExpiresAt);
    }
}
