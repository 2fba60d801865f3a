using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Translations;
using Tradewind.Persistence;

namespace Tradewind.Localization.Data;

internal sealed class LocalizationModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FieldTranslation>(e =>
        {
            e.ToTable("localization_field_translations");
            e.HasKey(t => new { t.ProductId, t.Language, t.Field });
            e.Property(t => t.Language).HasMaxLength(10);
            e.Property(t => t.Field).HasMaxLength(40);
            e.Property(t => t.SourceHash).HasMaxLength(64);
            e.Property(t => t.Text).HasMaxLength(40_000);
            e.Property(t => t.Status).HasConversion(s => StatusName(s), s => ParseStatus(s)).HasMaxLength(20);
            e.Property(t => t.Engine).HasMaxLength(60);
            e.Property(t => t.Reason).HasMaxLength(1000);
            e.Property(t => t.ReviewedBy).HasMaxLength(320);
            e.HasIndex(t => new { t.SellerId, t.ProductId });
        });

        modelBuilder.Entity<ListingLanguage>(e =>
        {
            e.ToTable("localization_listing_languages");
            e.HasKey(l => new { l.ProductId, l.Language });
            e.Property(l => l.Language).HasMaxLength(10);
            e.Property(l => l.Status).HasConversion(s => StatusName(s), s => ParseStatus(s)).HasMaxLength(20);
            e.Property(l => l.LastError).HasMaxLength(1000);
        });

        modelBuilder.Entity<ListingGlossary>(e =>
        {
            e.ToTable("localization_glossaries");
            e.HasKey(g => g.ProductId);
            e.Property(g => g.Terms).HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
                new ValueComparer<IReadOnlyList<string>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()))
                .HasMaxLength(4000);
        });

        modelBuilder.Entity<TranslationMemoryEntry>(e =>
        {
            e.ToTable("localization_translation_memory");
            e.HasKey(m => new { m.SourceHash, m.TargetLanguage, m.Engine, m.GlossaryVersion });
            e.Property(m => m.SourceHash).HasMaxLength(64);
            e.Property(m => m.TargetLanguage).HasMaxLength(10);
            e.Property(m => m.Engine).HasMaxLength(60);
            e.Property(m => m.GlossaryVersion).HasMaxLength(64);
            e.Property(m => m.Text).HasMaxLength(40_000);
        });

        modelBuilder.Entity<TranslationJob>(e =>
        {
            e.ToTable("localization_translation_jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Language).HasMaxLength(10);
            e.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.LastError).HasMaxLength(1000);
            e.HasIndex(j => new { j.State, j.DueAt });
            e.HasIndex(j => new { j.ProductId, j.Language });
        });
    }

    private static string StatusName(TranslationStatus status) => TranslationStatusNames.Name(status);

    private static TranslationStatus ParseStatus(string value) => TranslationStatusNames.Parse(value);
}
