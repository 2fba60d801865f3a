using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts.ApiKeys;
using Tradewind.Accounts.AwsAccessKeys;
using Tradewind.Accounts.BankAccounts;
using Tradewind.Accounts.Organisations;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Accounts;

internal sealed partial class AccountsQueries(
    TradewindDbContext db,
    AwsSecretProtector awsSecrets,
    AwsSigningCredentialCache credentialCache,
    BankAccountProtector bankDetails,
    TimeProvider clock) : IAccountsQueries
{
    // Recording every use would turn each authenticated read into a write; a few minutes' precision is enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(5);

    public async Task<OrganisationDto?> FindOrganisationAsync(OrganisationId id, CancellationToken cancellationToken) =>
        (await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken))?.ToDto();

    public async Task<Page<OrganisationDto>> ListOrganisationsAsync(OrganisationKind? kind, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<Organisation>().AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<OrganisationDto>(items.Select(o => o.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<IReadOnlyDictionary<OrganisationKind, int>> CountOrganisationsAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Set<Organisation>().GroupBy(o => o.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return Enum.GetValues<OrganisationKind>().ToDictionary(k => k, k => counts.SingleOrDefault(c => c.Key == k)?.Count ?? 0);
    }

    public async Task<Page<ApiKeyDto>> ListApiKeysAsync(OrganisationId organisationId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.Set<ApiKey>().AsNoTracking().Where(k => k.OrganisationId == organisationId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(k => k.CreatedAt).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<ApiKeyDto>(items.Select(k => k.ToDto()).ToList(), page.Number, page.Size, total);
    }

    public async Task<ApiKeyPrincipal?> AuthenticateApiKeyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey) || !ApiKey.TryReadPrefix(presentedKey, out var prefix))
        {
            return null;
        }

        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || key.RevokedAt is not null || !key.Matches(presentedKey))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedPrecision)
        {
            await db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        var organisationName = await db.Set<Organisation>().Where(o => o.Id == key.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new ApiKeyPrincipal(key.Id, key.OrganisationId, organisationName, key.Role, key.Name);
    }

    public async Task<Page<AuditEntryDto>> ListAuditTrailAsync(OrganisationId? organisationId, PageRequest page, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (organisationId is { } id)
        {
            query = query.Where(a => a.OrganisationId == id.Value);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Size)
            .Select(a => new AuditEntryDto(a.At, a.Actor, a.Action, a.Subject, a.Details)).ToListAsync(cancellationToken);
        return new Page<AuditEntryDto>(items, page.Number, page.Size, total);
    }

    public Task<bool> AnyOrganisationAsync(CancellationToken cancellationToken) => db.Set<Organisation>().AnyAsync(cancellationToken);
}
