using Microsoft.EntityFrameworkCore;
using Tradewind.Metering.Signing;
using Tradewind.Persistence;

namespace Tradewind.Metering.Data;

/// <summary>The metering signing keys table, <c>metering_signing_keys</c> (the RegisterUsage JWT key).</summary>
internal sealed class MeteringSigningModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MeteringSigningKey>(e =>
        {
            e.ToTable("metering_signing_keys");
            e.HasKey(k => k.Version);
            e.Property(k => k.Version).ValueGeneratedNever();
            e.Property(k => k.PublicKeyPem).HasMaxLength(1000);
            e.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000);
            e.Ignore(k => k.KeyId);
        });
    }
}
