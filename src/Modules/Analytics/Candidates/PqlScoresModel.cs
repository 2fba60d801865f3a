using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;

namespace Tradewind.Analytics.Candidates;

/// <summary>The daily PQL scores, <c>analytics_pql_scores</c>, and the days evaluated, <c>analytics_pql_runs</c>.</summary>
internal sealed class PqlScoresModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PqlScore>(e =>
        {
            e.ToTable("analytics_pql_scores");
            e.HasKey(x => new { x.Day, x.SellerId, x.ProductId, x.BuyerId });
            e.Property(x => x.ProductTitle).HasMaxLength(200);
            e.Property(x => x.BuyerName).HasMaxLength(200);
            e.Property(x => x.RulesJson).HasMaxLength(8000);
            e.Property(x => x.Currency).HasMaxLength(3);
            e.HasIndex(x => new { x.SellerId, x.Day, x.Score });
            e.HasIndex(x => new { x.BuyerId, x.ProductId, x.Day });
        });

        modelBuilder.Entity<PqlRun>(e =>
        {
            e.ToTable("analytics_pql_runs");
            e.HasKey(x => x.Day);
        });
    }
}
