using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.ApiKeys;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.Organisations;
using Tradewind.Accounts.Users;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Geography;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsCommands(
    TradewindDbContext db,
    UserManager<User> users,
    SignInManager<User> signIn,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http,
    Outbox outbox,
    AuditTrail audit,
    BankAccountProtector protector,
    AwsSecretProtector awsSecrets,
    AwsSigningCredentialCache credentialCache,
    Microsoft.Extensions.Options.IOptions<Peppol.PeppolAddressOptions> peppolAddresses,
    TimeProvider clock) : IAccountsCommands
{
    public async Task<OrganisationDto> CreateOrganisationAsync(NewOrganisation organisation, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var name = organisation.Name?.Trim() ?? "";
        var validation = new Validation()
            .Require(name.Length is >= 2 and <= 200, "name", "Give a name of 2 to 200 characters.")
            .Require(Enum.IsDefined(organisation.Kind), "kind", "Kind must be operator, seller or buyer.");
        var country = ValidateCountry(validation, organisation.CountryCode, organisation.SubdivisionCode);
        validation.ThrowIfInvalid();

        if (organisation.Kind == OrganisationKind.Operator && await db.Set<Organisation>().AnyAsync(o => o.Kind == OrganisationKind.Operator, cancellationToken))
        {
            throw new DomainException("operator-exists", "This marketplace already has its operator organisation.", DomainErrorKind.Conflict);
        }

        var entity = new Organisation
        {
            Id = OrganisationId.New(clock),
            Name = name,
            Kind = organisation.Kind,
            CountryCode = country!.Code.ToString(),
            SubdivisionCode = string.IsNullOrWhiteSpace(organisation.SubdivisionCode) ? null : organisation.SubdivisionCode.Trim().ToUpperInvariant(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(entity);
        outbox.Add(new OrganisationCreated(entity.Id, entity.Kind, entity.CountryCode, entity.CreatedAt));
        audit.Record(actor, entity.Id.Value, "organisation.created", $"organisation:{entity.Id}", $"{entity.Kind} '{entity.Name}' in {entity.CountryCode}");
        await db.SaveChangesAsync(cancellationToken);
        return entity.ToDto();
    }

    public async Task<UserDto> CreateUserAsync(NewUser user, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var organisation = await db.Set<Organisation>().SingleOrDefaultAsync(o => o.Id == user.OrganisationId, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Organisation {user.OrganisationId} does not exist.", DomainErrorKind.NotFound);
        var email = user.Email?.Trim() ?? "";
        new Validation()
            .Require(email.Length is > 3 and <= 256 && email.Contains('@', StringComparison.Ordinal), "email", "Give a valid e-mail address.")
            .Require(!string.IsNullOrWhiteSpace(user.DisplayName) && user.DisplayName.Length <= 200, "displayName", "Give a display name of up to 200 characters.")
            .ThrowIfInvalid();

        return await db.InTransactionAsync(
            async ct =>
            {
                var entity = new User
                {
                    Id = Guid.CreateVersion7(clock.GetUtcNow()),
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    OrganisationId = organisation.Id,
                    DisplayName = user.DisplayName.Trim(),
                };
                var created = await users.CreateAsync(entity, user.Password);
                if (!created.Succeeded)
                {
                    throw IdentityFailure(created);
                }

                var roleAdded = await users.AddToRoleAsync(entity, organisation.Role);
                if (!roleAdded.Succeeded)
                {
                    throw IdentityFailure(roleAdded);
                }

                audit.Record(actor, organisation.Id.Value, "user.created", $"user:{entity.Id}", email);
                await db.SaveChangesAsync(ct);
                return new UserDto(UserId.From(entity.Id), organisation.Id, email, entity.DisplayName, organisation.Role);
            },
            cancellationToken);
    }

    public async Task<IssuedApiKey> IssueApiKeyAsync(OrganisationId organisationId, string name, string actor, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Organisation {organisationId} does not exist.", DomainErrorKind.NotFound);
        var trimmed = name?.Trim() ?? "";
        new Validation().Require(trimmed.Length is >= 1 and <= 100, "name", "Name the key (1 to 100 characters), e.g. 'production metering'.").ThrowIfInvalid();

        var (key, secret) = ApiKey.Issue(organisation.Id, trimmed, organisation.Role, clock);
        db.Add(key);
        audit.Record(actor, organisation.Id.Value, "api-key.issued", $"api-key:{key.Id}", $"'{key.Name}' ({key.Role})");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key.ToDto(), secret);
    }

    public async Task<ApiKeyDto> RevokeApiKeyAsync(OrganisationId organisationId, ApiKeyId keyId, string actor, CancellationToken cancellationToken)
    {
        // Filtered by organisation: another tenant's key id answers "not found", never "forbidden".
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == organisationId, cancellationToken)
            ?? throw new DomainException("api-key-not-found", $"API key {keyId} does not exist.", DomainErrorKind.NotFound);
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            audit.Record(actor, organisationId.Value, "api-key.revoked", $"api-key:{key.Id}", $"'{key.Name}'");
            await db.SaveChangesAsync(cancellationToken);
        }

        return key.ToDto();
    }

    public async Task<SignInOutcome> SignInWithPasswordAsync(string email, string password, bool remember, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Failed;
        }

        var result = await signIn.PasswordSignInAsync(email.Trim(), password, remember, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    internal static Country? ValidateCountry(Validation validation, string? countryCode, string? subdivisionCode)
    {
        if (!Country.TryFromCode(countryCode, out var country))
        {
            validation.Add("countryCode", "Give an ISO 3166-1 alpha-2 country code, e.g. DE.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(subdivisionCode)
            && !country.Subdivisions.Any(s => string.Equals(s.Code.ToString(), subdivisionCode.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            validation.Add("subdivisionCode", $"'{subdivisionCode}' is not a subdivision of {country.Code} that Tradewind knows, e.g. US-CA.");
        }

        return country;
    }

    private static ValidationFailedException IdentityFailure(IdentityResult result)
    {
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
        return new ValidationFailedException(errors);
    }
}
