using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Tradewind.Contracts.Localization;

namespace Tradewind.Catalog.Search;

/// <summary>
/// A listing's translations in the index: per language, its title, descriptions and highlights in fields named
/// <c>{field}_{language}</c>, each analysed for its language — Spanish, French, German, Italian and Portuguese with
/// Lucene's light stemmers and stop words, Japanese and Korean (no word spaces, or not reliably) as overlapping CJK bigrams, since
/// Kuromoji is not available to this build. A search in a language matches these fields as well as the original.
/// </summary>
internal static class TranslatedSearchFields
{
    private static readonly (string Field, float Boost)[] Weighted =
    [
        (ListingFields.Title, 8f),
        (ListingFields.Highlights, 4f),
        (ListingFields.ShortDescription, 1.2f),
        (ListingFields.LongDescription, 1f),
    ];

    private static readonly Dictionary<string, Func<Analyzer>> Analyzers = new(StringComparer.Ordinal)
    {
        ["es"] = () => new SpanishAnalyzer(ListingAnalyzer.Version),
        ["fr"] = () => new FrenchAnalyzer(ListingAnalyzer.Version),
        ["de"] = () => new GermanAnalyzer(ListingAnalyzer.Version),
        ["it"] = () => new ItalianAnalyzer(ListingAnalyzer.Version),
        ["pt"] = () => new PortugueseAnalyzer(ListingAnalyzer.Version),
        ["ja"] = () => new CJKAnalyzer(ListingAnalyzer.Version),
        ["ko"] = () => new CJKAnalyzer(ListingAnalyzer.Version),
    };

    private static readonly Dictionary<string, Analyzer> QueryAnalyzers = Analyzers.ToDictionary(a => a.Key, a => a.Value(), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Languages => Analyzers.Keys;

    public static string Name(string field, string language) => $"{field}_{language}";

    /// <summary>The index analyzer: <paramref name="original"/> for the original fields, each language's own for its fields.</summary>
    public static Analyzer CreateIndexAnalyzer(Analyzer original)
    {
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var (language, create) in Analyzers)
        {
            var analyzer = create();
            foreach (var (field, _) in Weighted)
            {
                perField[Name(field, language)] = analyzer;
            }
        }

        return new PerFieldAnalyzerWrapper(original, perField);
    }

    public static void Add(Document document, IReadOnlyList<TranslatedSearchText> translations)
    {
        foreach (var translation in translations.Where(t => Analyzers.ContainsKey(t.Language)))
        {
            AddText(document, Name(ListingFields.Title, translation.Language), translation.Title);
            AddText(document, Name(ListingFields.ShortDescription, translation.Language), translation.ShortDescription);
            AddText(document, Name(ListingFields.LongDescription, translation.Language), translation.LongDescription);
            foreach (var highlight in translation.Highlights)
            {
                AddText(document, Name(ListingFields.Highlights, translation.Language), highlight);
            }
        }
    }

    /// <summary>
    /// The original-text query, or — for a searcher whose language has translated fields — either it or the same
    /// words analysed for that language matching its translated fields (all of them for one or two words, three
    /// quarters of longer queries, as for the original).
    /// </summary>
    public static Query Combine(Query original, IndexReader reader, string text, string? language)
    {
        if (language is null || !QueryAnalyzers.TryGetValue(language, out var analyzer) || text.Trim().Length == 0)
        {
            return original;
        }

        var words = ListingAnalyzer.Terms(analyzer, text).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return original;
        }

        var translated = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var best = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in Weighted)
            {
                var term = new Term(Name(field, language), words[i]);
                best.Add(new TermQuery(term) { Boost = boost });
                if (i == words.Count - 1 && words[i].Length >= 3 && language is not ("ja" or "ko"))
                {
                    best.Add(new PrefixQuery(term) { Boost = boost * 0.7f });
                }
            }

            translated.Add(best, Occur.SHOULD);
        }

        // CJK bigrams overlap: "ログ検索" gives ログ, グ検, 検索, and the middle one spans a word boundary that the
        // listing's text need not share, so three in five bigrams must match there.
        translated.MinimumNumberShouldMatch = words.Count <= 2 ? words.Count
            : language is "ja" or "ko" ? (int)Math.Ceiling(words.Count * 0.6)
            : words.Count - (words.Count / 4);
        var either = new BooleanQuery { { original, Occur.SHOULD }, { translated, Occur.SHOULD } };
        either.MinimumNumberShouldMatch = 1;
        return either;
    }

    private static void AddText(Document document, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            document.Add(new TextField(field, text, Field.Store.NO));
        }
    }
}
