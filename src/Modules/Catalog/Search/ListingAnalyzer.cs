using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Tradewind.Catalog.Search;

/// <summary>
/// How listing text becomes terms, the same at index and at query time: Unicode word boundaries, lower case,
/// accents folded ("Café" finds "cafe"), English stop words dropped. No stemming: stems would defeat the prefix
/// match on the word being typed ("observabilit" is no prefix of the stem "observ"), and the edit-distance match
/// already bridges most plurals ("logs" is one edit from "log").
/// </summary>
internal static class ListingAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>The terms of <paramref name="text"/> as the index holds them, in order, duplicates kept.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("query", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
