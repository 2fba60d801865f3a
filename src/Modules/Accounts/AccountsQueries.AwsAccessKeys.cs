using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.Organisations;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsQueries
{
    public async Task<Page<AwsAccessKeyDto>> ListAwsAccessKeysAsync(OrganisationId? sellerId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<AwsAccessKey>().AsNoTracking();
        if (sellerId is { } id)
        {
            query = query.Where(k => k.OrganisationId == id);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<AwsAccessKeyDto>(items.Select(k => k.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<AwsSigningCredential?> FindAwsSigningCredentialAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(accessKeyId) || !AwsAccessKey.IsWellFormedId(accessKeyId))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (!credentialCache.TryGet(accessKeyId, out var credential))
        {
            var key = await db.Set<AwsAccessKey>().AsNoTracking().SingleOrDefaultAsync(k => k.AccessKeyId == accessKeyId, cancellationToken);
            if (key is null || !key.IsActiveAt(now))
            {
                return null;
            }

            var organisationName = await db.Set<Organisation>().Where(o => o.Id == key.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
            credential = new AwsSigningCredential(key.Id, key.AccessKeyId, awsSecrets.Unprotect(key.ProtectedSecret), key.OrganisationId, organisationName, key.ExpiresAt, key.BoundCustomerIdentifier);
            credentialCache.Add(credential);
        }

        // A cached credential may reach the end of its rotation grace period while cached.
        return credential.ExpiresAt is { } expiresAt && expiresAt <= now ? null : credential;
    }

    public async Task RecordAwsAccessKeyUseAsync(AwsAccessKeyId keyId, CancellationToken cancellationToken)
    {
        if (credentialCache.ShouldRecordUse(keyId))
        {
            var now = clock.GetUtcNow();
            await db.Set<AwsAccessKey>().Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
    }
}
