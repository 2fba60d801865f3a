using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Tradewind.Catalog.Search;

/// <summary>
/// Turns what a buyer typed into a Lucene query. Each word may match in any searchable field, scored by its best
/// field (title above highlights and keywords, above the seller's name, above the descriptions); an exact word
/// beats a word-being-typed prefix, which beats a typo. Words of 4 to 7 letters tolerate one edit, longer words
/// two, shorter ones none (an edit in "api" could be anything). Transpositions count as one edit ("kubernetse").
/// A word the index already holds is taken as spelt right and not expanded to its neighbours: that keeps the
/// common case (a correct word) as cheap as an exact search, and only misspellings pay for the fuzzy match.
/// One or two words must all match; longer queries may miss a quarter of their words.
/// </summary>
internal static class ListingQuery
{
    /// <summary>Query-time weights; see <see cref="ListingFields"/> for what each field holds.</summary>
    private static readonly (string Field, float Boost)[] Weighted =
    [
        (ListingFields.Title, 8f),
        (ListingFields.Highlights, 4f),
        (ListingFields.Keywords, 4f),
        (ListingFields.SellerName, 2.5f),
        (ListingFields.ShortDescription, 1.2f),
        (ListingFields.LongDescription, 1f),
    ];

    private const float PrefixWeight = 0.7f;
    private const float TypoWeight = 0.5f;
    private const float BestFieldTieBreaker = 0.1f;

    // A typo in the first letter is rare; requiring it cuts the terms a fuzzy match has to visit by an order of magnitude.
    private const int FuzzyExactPrefixLength = 1;
    private const int FuzzyMaxExpansions = 50;
    private const int MinimumPrefixLength = 2;

    public static Query Build(Analyzer analyzer, IndexReader reader, string text)
    {
        var words = ListingAnalyzer.Terms(analyzer, text);
        if (words.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        var query = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            query.Add(Word(reader, words[i], isLast: i == words.Count - 1), Occur.SHOULD);
        }

        query.MinimumNumberShouldMatch = words.Count <= 2 ? words.Count : words.Count - (words.Count / 4);
        return query;
    }

    /// <summary>The edits a word of this length may contain and still match.</summary>
    public static int AllowedEdits(string word) => word.Length switch
    {
        < 4 => 0,
        < 8 => 1,
        _ => 2,
    };

    private static DisjunctionMaxQuery Word(IndexReader reader, string word, bool isLast)
    {
        var known = Weighted.Any(f => reader.DocFreq(new Term(f.Field, word)) > 0);
        var edits = known ? 0 : AllowedEdits(word);
        var best = new DisjunctionMaxQuery(BestFieldTieBreaker);
        foreach (var (field, boost) in Weighted)
        {
            var term = new Term(field, word);
            best.Add(new TermQuery(term) { Boost = boost });
            if (isLast && word.Length >= MinimumPrefixLength)
            {
                best.Add(new PrefixQuery(term) { Boost = boost * PrefixWeight });
            }

            if (edits > 0)
            {
                best.Add(new FuzzyQuery(term, edits, FuzzyExactPrefixLength, FuzzyMaxExpansions, transpositions: true) { Boost = boost * TypoWeight });
            }
        }

        return best;
    }
}
