using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tradewind.Contracts.Metering;
using Tradewind.Persistence;

namespace Tradewind.Metering.Signing;

/// <summary>
/// Signs <c>RegisterUsage</c> answers with the metering signing key, creating the key on first use. Two nodes creating it
/// at once is settled by the primary key: the loser reads the winner's row. The loaded key is kept per node
/// (<see cref="MeteringSigningKeyHolder"/>), since it never changes.
/// </summary>
internal sealed class MeteringSigner(TradewindDbContext db, IDataProtectionProvider protection, MeteringSigningKeyHolder holder, TimeProvider clock)
    : IMeteringPublicKey
{
    /// <summary>The only <c>PublicKeyVersion</c> Tradewind has.</summary>
    public const int CurrentVersion = 1;

    public async Task<MeteringPublicKey> GetCurrentAsync(CancellationToken cancellationToken) => (await LoadAsync(cancellationToken)).PublicKey;

    /// <summary>An ES256 JWT over <paramref name="claims"/> (values: strings and numbers), with <c>kid</c> naming the key.</summary>
    public async Task<(string Jwt, MeteringPublicKey Key)> SignAsync(IDictionary<string, object> claims, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(cancellationToken);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var jwt = handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(loaded.SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
        return (jwt, loaded.PublicKey);
    }

    private async Task<MeteringSigningKeyHolder.Loaded> LoadAsync(CancellationToken cancellationToken)
    {
        if (holder.Current is { } current)
        {
            return current;
        }

        var row = await db.Set<MeteringSigningKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Version == CurrentVersion, cancellationToken);
        if (row is null)
        {
            var created = MeteringSigningKey.Create(CurrentVersion, protection, clock);
            db.Add(created);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                row = created;
            }
            catch (DbUpdateException)
            {
                // Another node created it first; its key is the one.
                db.ChangeTracker.Clear();
                row = await db.Set<MeteringSigningKey>().AsNoTracking().SingleAsync(k => k.Version == CurrentVersion, cancellationToken);
            }
            finally
            {
                db.Entry(created).State = EntityState.Detached;
            }
        }

        var privateKey = row.OpenPrivateKey(protection);
        var loaded = new MeteringSigningKeyHolder.Loaded(
            new ECDsaSecurityKey(privateKey) { KeyId = row.KeyId },
            new MeteringPublicKey(row.Version, row.KeyId, MeteringSigningKey.Algorithm, row.PublicKeyPem, row.CreatedAt));
        return holder.Set(loaded);
    }
}

/// <summary>The node's loaded metering signing key (it never changes once created).</summary>
internal sealed class MeteringSigningKeyHolder
{
    private Loaded? _current;

    public Loaded? Current => Volatile.Read(ref _current);

    /// <summary>Keeps the first key loaded on this node; a concurrent second load is discarded.</summary>
    public Loaded Set(Loaded loaded) => Interlocked.CompareExchange(ref _current, loaded, null) ?? loaded;

    internal sealed record Loaded(ECDsaSecurityKey SigningKey, MeteringPublicKey PublicKey);
}
