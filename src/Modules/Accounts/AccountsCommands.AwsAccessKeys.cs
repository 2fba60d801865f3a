using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.Organisations;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsCommands
{
    public async Task<IssuedAwsAccessKey> CreateAwsAccessKeyAsync(
        OrganisationId sellerId, string name, string? boundCustomerIdentifier, string actor, CancellationToken cancellationToken)
    {
        await RequireAwsKeyHolderAsync(sellerId, cancellationToken);
        var trimmed = ValidateAwsKeyName(name);
        var customer = ValidateBoundCustomer(boundCustomerIdentifier);
        var (key, secret) = AwsAccessKey.Create(sellerId, trimmed, customer, awsSecrets, clock);
        db.Add(key);
        var binding = customer is null ? "" : $", bound to customer {customer}";
        audit.Record(actor, sellerId.Value, "aws-access-key.created", $"aws-access-key:{key.Id}", $"'{key.Name}' ({key.AccessKeyId}){binding}");
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedAwsAccessKey(key.ToDto(), secret);
    }

    public async Task<IssuedAwsAccessKey> RotateAwsAccessKeyAsync(OrganisationId sellerId, AwsAccessKeyId keyId, string actor, CancellationToken cancellationToken)
    {
        var issued = await db.InTransactionAsync(
            async ct =>
            {
                var old = await FindAwsAccessKeyAsync(sellerId, keyId, ct);
                var now = clock.GetUtcNow();
                if (!old.IsActiveAt(now) || old.ReplacedById is not null)
                {
                    throw new DomainException(
                        "aws-access-key-not-rotatable",
                        $"AWS access key {old.AccessKeyId} is revoked, expired or already rotated; create a new key instead.",
                        DomainErrorKind.Conflict);
                }

                var (replacement, secret) = AwsAccessKey.Create(sellerId, old.Name, old.BoundCustomerIdentifier, awsSecrets, clock);
                db.Add(replacement);
                old.ReplaceWith(replacement, now);
                audit.Record(
                    actor,
                    sellerId.Value,
                    "aws-access-key.rotated",
                    $"aws-access-key:{old.Id}",
                    $"'{old.Name}' {old.AccessKeyId} replaced by {replacement.AccessKeyId}; the old key works until {old.ExpiresAt:O}");
                await db.SaveChangesAsync(ct);
                return (Old: old.AccessKeyId, Issued: new IssuedAwsAccessKey(replacement.ToDto(), secret));
            },
            cancellationToken);
        credentialCache.Evict(issued.Old);
        return issued.Issued;
    }

    public async Task<AwsAccessKeyDto> RevokeAwsAccessKeyAsync(OrganisationId sellerId, AwsAccessKeyId keyId, string actor, CancellationToken cancellationToken)
    {
        var key = await FindAwsAccessKeyAsync(sellerId, keyId, cancellationToken);
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            audit.Record(actor, sellerId.Value, "aws-access-key.revoked", $"aws-access-key:{key.Id}", $"'{key.Name}' ({key.AccessKeyId})");
            await db.SaveChangesAsync(cancellationToken);
        }

        credentialCache.Evict(key.AccessKeyId);
        return key.ToDto();
    }

    private async Task<AwsAccessKey> FindAwsAccessKeyAsync(OrganisationId sellerId, AwsAccessKeyId keyId, CancellationToken cancellationToken) =>
        // Filtered by organisation: another tenant's key id answers "not found", never "forbidden".
        await db.Set<AwsAccessKey>().SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == sellerId, cancellationToken)
        ?? throw new DomainException("aws-access-key-not-found", $"AWS access key {keyId} does not exist.", DomainErrorKind.NotFound);

    private async Task RequireAwsKeyHolderAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        var organisation = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == sellerId, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Organisation {sellerId} does not exist.", DomainErrorKind.NotFound);
        if (organisation.Kind != OrganisationKind.Seller)
        {
            throw new DomainException("not-a-seller", "Only sellers hold AWS access keys: they sign calls to the AWS-compatible seller API.", DomainErrorKind.Forbidden);
        }
    }

    private static string? ValidateBoundCustomer(string? customerIdentifier)
    {
        if (customerIdentifier is null)
        {
            return null;
        }

        var trimmed = customerIdentifier.Trim();
        new Validation().Require(
            trimmed.Length is >= 1 and <= AwsAccessKey.CustomerIdentifierMaxLength,
            "customerIdentifier",
            $"A customer identifier has 1 to {AwsAccessKey.CustomerIdentifierMaxLength} characters.").ThrowIfInvalid();
        return trimmed;
    }

    private static string ValidateAwsKeyName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        new Validation().Require(trimmed.Length is >= 1 and <= 100, "name", "Name the key (1 to 100 characters), e.g. 'production metering'.").ThrowIfInvalid();
        return trimmed;
    }
}
