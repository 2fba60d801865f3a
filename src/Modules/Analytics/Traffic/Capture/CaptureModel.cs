using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Traffic.Capture;

/// <summary>The capture's own table, <c>analytics_visitor_salts</c>.</summary>
internal sealed class CaptureModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VisitorSalt>(e =>
        {
            e.ToTable("analytics_visitor_salts");
            e.HasKey(x => x.Day);
            e.Property(x => x.Salt).HasMaxLength(VisitorSalt.Length);
        });
    }
}
