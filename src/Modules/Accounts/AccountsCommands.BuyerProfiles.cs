using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.BuyerProfiles;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.Users;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsCommands
{
    public async Task<BuyerSignedUp> SignUpBuyerAsync(BuyerSignUp signUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        var name = signUp.OrganisationName?.Trim() ?? "";
        var email = signUp.Email?.Trim() ?? "";
        var validation = new Validation()
            .Require(name.Length is >= 2 and <= 200, "organisationName", "Give your organisation's name (2 to 200 characters).")
            .Require(email.Length is > 3 and <= 256 && email.Contains('@', StringComparison.Ordinal), "email", "Give a valid e-mail address.")
            .Require(!string.IsNullOrWhiteSpace(signUp.DisplayName) && signUp.DisplayName.Trim().Length <= 200, "displayName", "Give your name (up to 200 characters).");
        var country = ValidateCountry(validation, signUp.CountryCode?.Trim().ToUpperInvariant(), signUp.SubdivisionCode);
        // Sales tax in the US and Canada and GST in India depend on the state or province.
        validation.Require(country is null || country.Subdivisions.Count == 0 || !string.IsNullOrWhiteSpace(signUp.SubdivisionCode),
            "subdivisionCode", "Tax in this country depends on the state or province; give it, e.g. US-CA.");
        var profile = BuyerProfile.Validate(signUp.Profile, country?.Code.ToString() ?? "", validation);
        validation.ThrowIfInvalid();

        return await db.InTransactionAsync(
            async ct =>
            {
                var now = clock.GetUtcNow();
                var organisation = new Organisation
                {
                    Id = OrganisationId.New(clock),
                    Name = name,
                    Kind = OrganisationKind.Buyer,
                    CountryCode = country!.Code.ToString(),
                    SubdivisionCode = string.IsNullOrWhiteSpace(signUp.SubdivisionCode) ? null : signUp.SubdivisionCode.Trim().ToUpperInvariant(),
                    CreatedAt = now,
                };
                db.Add(organisation);
                db.Add(NewProfile(organisation.Id, profile, now));
                var user = new User
                {
                    Id = Guid.CreateVersion7(now),
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    OrganisationId = organisation.Id,
                    DisplayName = signUp.DisplayName.Trim(),
                };
                // UserManager saves through the same context, inside this transaction: a refused password leaves nothing behind.
                var created = await users.CreateAsync(user, signUp.Password ?? "");
                if (!created.Succeeded)
                {
                    throw IdentityFailure(created);
                }

                var roleAdded = await users.AddToRoleAsync(user, organisation.Role);
                if (!roleAdded.Succeeded)
                {
                    throw IdentityFailure(roleAdded);
                }

                outbox.Add(new OrganisationCreated(organisation.Id, organisation.Kind, organisation.CountryCode, now));
                audit.Record(email, organisation.Id.Value, "organisation.signed-up", $"organisation:{organisation.Id}", $"Buyer '{name}' in {organisation.CountryCode}");
                await db.SaveChangesAsync(ct);
                return new BuyerSignedUp(organisation.ToDto(), new UserDto(UserId.From(user.Id), organisation.Id, email, user.DisplayName, organisation.Role));
            },
            cancellationToken);
    }

    public async Task<BuyerProfileDto> UpdateBuyerProfileAsync(OrganisationId buyerId, BuyerProfileInput profile, string actor, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().SingleOrDefaultAsync(o => o.Id == buyerId && o.Kind == OrganisationKind.Buyer, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Buyer organisation {buyerId} does not exist.", DomainErrorKind.NotFound);
        var validation = new Validation();
        var input = BuyerProfile.Validate(profile, organisation.CountryCode, validation);
        validation.ThrowIfInvalid();

        var now = clock.GetUtcNow();
        var existing = await db.Set<BuyerProfile>().SingleOrDefaultAsync(p => p.OrganisationId == buyerId, cancellationToken);
        if (existing is null)
        {
            existing = NewProfile(buyerId, input, now);
            db.Add(existing);
        }
        else
        {
            existing.Address = input.Address!;
            existing.TaxId = input.TaxId?.Value;
            existing.TaxIdDisplay = input.TaxId?.Display;
            existing.InvoiceCurrency = input.Currency;
            existing.Language = input.Language;
            existing.TimeZone = input.TimeZone;
            existing.UpdatedAt = now;
        }

        audit.Record(actor, buyerId.Value, "buyer-profile.updated", $"organisation:{buyerId}",
            $"{existing.InvoiceCurrency}, {existing.Language}, {existing.TimeZone}, tax id {(existing.TaxId is null ? "none" : existing.TaxId)}");
        await db.SaveChangesAsync(cancellationToken);
        return existing.ToDto();
    }

    private static BuyerProfile NewProfile(OrganisationId id, (Addresses.Address? Address, Primitives.TaxIds.TaxId? TaxId, string Currency, string Language, string TimeZone) input, DateTimeOffset now) => new()
    {
        OrganisationId = id,
        Address = input.Address!,
        TaxId = input.TaxId?.Value,
        TaxIdDisplay = input.TaxId?.Display,
        InvoiceCurrency = input.Currency,
        Language = input.Language,
        TimeZone = input.TimeZone,
        UpdatedAt = now,
    };
}
