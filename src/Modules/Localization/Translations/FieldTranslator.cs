using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts.Localization;
using Tradewind.Localization.Masking;
using Tradewind.Persistence;

namespace Tradewind.Localization.Translations;

/// <summary>The outcome of translating one field: the text and either no reason (machine) or why it was rejected.</summary>
internal sealed record FieldOutcome(string Text, string? RejectionReason);

/// <summary>
/// Translates one field: split the Markdown into lines, mask each segment, look the masked segments up in the
/// translation memory, send the misses to the engine in one batch, check each output's placeholders, unmask, rejoin
/// and validate the whole field. Only outputs that pass the segment check are remembered.
/// </summary>
internal sealed class FieldTranslator(TradewindDbContext db, TimeProvider clock)
{
    /// <summary>Engine outputs that passed the segment check, to be saved with the job's results.</summary>
    public List<TranslationMemoryEntry> NewEntries { get; } = [];

    public async Task<FieldOutcome> TranslateAsync(
        ITranslationEngine engine, string source, string sourceLanguage, string targetLanguage, IReadOnlyList<string> protectedTerms, int maxLength, CancellationToken cancellationToken)
    {
        var lines = MarkdownSegments.Split(source);
        var masked = MarkdownSegments.Segments(lines).Select(s => SegmentMasker.Mask(s, protectedTerms)).ToList();
        var glossaryVersion = GlossaryVersion(protectedTerms);
        var hashes = masked.Select(m => Hash(m.Text)).ToList();
        var distinct = hashes.Distinct(StringComparer.Ordinal).ToList();
        var remembered = await db.Set<TranslationMemoryEntry>()
            .Where(m => distinct.Contains(m.SourceHash) && m.TargetLanguage == targetLanguage && m.Engine == engine.Name && m.GlossaryVersion == glossaryVersion)
            .ToDictionaryAsync(m => m.SourceHash, m => m.Text, StringComparer.Ordinal, cancellationToken);
        // Entries added by an earlier field of the same job are not saved yet.
        foreach (var local in NewEntries.Where(m => m.TargetLanguage == targetLanguage && m.Engine == engine.Name && m.GlossaryVersion == glossaryVersion))
        {
            remembered.TryAdd(local.SourceHash, local.Text);
        }

        var missing = Enumerable.Range(0, masked.Count).Where(i => !remembered.ContainsKey(hashes[i])).GroupBy(i => hashes[i], StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var outputs = await engine.TranslateAsync(
                missing.Select(g => masked[g.First()].Text).ToList(), sourceLanguage, targetLanguage, new TranslationOptions(TranslationFormat.Text, protectedTerms), cancellationToken);
            if (outputs.Count != missing.Count)
            {
                throw new TranslationEngineException($"Engine {engine.Name} returned {outputs.Count} translations for {missing.Count} segments.");
            }

            var now = clock.GetUtcNow();
            for (var i = 0; i < missing.Count; i++)
            {
                var first = missing[i].First();
                remembered[hashes[first]] = outputs[i];
                if (TranslationValidator.CheckSegment(masked[first], outputs[i]) is null)
                {
                    NewEntries.Add(new TranslationMemoryEntry
                    {
                        SourceHash = hashes[first],
                        TargetLanguage = targetLanguage,
                        Engine = engine.Name,
                        GlossaryVersion = glossaryVersion,
                        Text = outputs[i],
                        CreatedAt = now,
                    });
                }
            }
        }

        string? reason = null;
        var translated = new List<string>(masked.Count);
        for (var i = 0; i < masked.Count; i++)
        {
            var output = remembered[hashes[i]];
            reason ??= TranslationValidator.CheckSegment(masked[i], output);
            translated.Add(SegmentMasker.Unmask(output, masked[i].Originals));
        }

        var text = MarkdownSegments.Join(lines, translated);
        reason ??= TranslationValidator.CheckField(source, text, protectedTerms, maxLength);
        return new FieldOutcome(text, reason);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string GlossaryVersion(IReadOnlyList<string> terms) =>
        Hash(string.Join('\u001F', terms.Order(StringComparer.Ordinal)))[..16];
}
