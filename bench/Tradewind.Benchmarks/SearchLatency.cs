using System.Diagnostics;
using System.Globalization;
using Tradewind.Catalog.Search;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Benchmarks;

/// <summary>
/// <c>search-latency [runs]</c>: builds the index over 100,000 generated listings once, then per run times a fixed
/// mix of 1,000 searches (exact, typo, prefix, filtered, empty with facets) and, as the baseline measured in the
/// same run, a naive case-insensitive <c>Contains</c> scan over the same documents for the exact queries.
/// Prints p50/p95/p99 per run and the median of each across runs.
/// </summary>
public static class SearchLatency
{
    public const int ListingCount = 100_000;

    public static async Task RunAsync(int runs)
    {
        var documents = ListingGenerator.Generate(ListingCount);
        using var index = new ListingIndex();
        var build = Stopwatch.StartNew();
        await index.ReplaceAllAsync(documents.ToAsyncEnumerable(), CancellationToken.None);
        build.Stop();
        Console.WriteLine(Invariant($"Indexed {index.Count:N0} listings in {build.Elapsed.TotalSeconds:F1} s"));

        var mix = QueryMix.Create(documents);
        Console.WriteLine(Invariant($"Query mix: {string.Join(", ", mix.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {g.Key}"))} ({mix.Count} per run)"));

        // Warm-up: JIT, term dictionaries and doc-value caches, as on a node that has been serving for a while.
        foreach (var query in mix)
        {
            index.Search(query.Request);
        }

        var exact = mix.Where(q => q.Kind == "exact").ToList();
        var indexRuns = new List<Percentiles>();
        var exactRuns = new List<Percentiles>();
        var scanRuns = new List<Percentiles>();
        for (var run = 1; run <= runs; run++)
        {
            var all = new List<double>(mix.Count);
            var exactOnly = new List<double>(exact.Count);
            foreach (var query in mix)
            {
                var started = Stopwatch.GetTimestamp();
                index.Search(query.Request);
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                all.Add(ms);
                if (query.Kind == "exact")
                {
                    exactOnly.Add(ms);
                }
            }

            var scan = new List<double>(exact.Count);
            foreach (var query in exact)
            {
                var started = Stopwatch.GetTimestamp();
                LinearScan(documents, query.Request.Query);
                scan.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            indexRuns.Add(Percentiles.Of(all));
            exactRuns.Add(Percentiles.Of(exactOnly));
            scanRuns.Add(Percentiles.Of(scan));
            Console.WriteLine(Invariant($"run {run}: index (all {all.Count}) {indexRuns[^1]} | index (exact {exactOnly.Count}) {exactRuns[^1]} | linear scan (exact {scan.Count}) {scanRuns[^1]}"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"median of {runs} runs, ms:"));
        Console.WriteLine(Invariant($"  index, whole mix      {Percentiles.Median(indexRuns)}"));
        Console.WriteLine(Invariant($"  index, exact queries  {Percentiles.Median(exactRuns)}"));
        Console.WriteLine(Invariant($"  linear scan, exact    {Percentiles.Median(scanRuns)}"));
    }

    /// <summary>The baseline: every word contained (ignoring case) in some field, newest 24 of the matches.</summary>
    public static List<ListingSearchDocument> LinearScan(IReadOnlyList<ListingSearchDocument> documents, string query)
    {
        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = new List<ListingSearchDocument>();
        foreach (var document in documents)
        {
            if (words.All(w => Contains(document, w)))
            {
                matches.Add(document);
            }
        }

        return matches.OrderByDescending(d => d.PublishedAt).Take(CatalogSearchRequest.DefaultPageSize).ToList();
    }

    private static bool Contains(ListingSearchDocument d, string word) =>
        d.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || d.Highlights.Any(h => h.Contains(word, StringComparison.OrdinalIgnoreCase))
        || d.Keywords.Any(k => k.Contains(word, StringComparison.OrdinalIgnoreCase))
        || d.SellerName.Contains(word, StringComparison.OrdinalIgnoreCase)
        || d.ShortDescription.Contains(word, StringComparison.OrdinalIgnoreCase)
        || d.LongDescription.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Percentiles(double P50, double P95, double P99)
    {
        public static Percentiles Of(List<double> samples)
        {
            var sorted = samples.Order().ToArray();
            return new(At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99));
        }

        public static Percentiles Median(List<Percentiles> runs) =>
            new(MedianOf(runs.Select(r => r.P50)), MedianOf(runs.Select(r => r.P95)), MedianOf(runs.Select(r => r.P99)));

        public override string ToString() => Invariant($"p50 {P50,7:F2}  p95 {P95,7:F2}  p99 {P99,7:F2}");

        // Nearest rank: the smallest sample with at least q of all samples at or below it.
        private static double At(double[] sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];

        private static double MedianOf(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}

/// <summary>The fixed query mix: the same 1,000 searches, in the same order, on every run and machine.</summary>
public static class QueryMix
{
    public sealed record Query(string Kind, CatalogSearchRequest Request);

    public static List<Query> Create(IReadOnlyList<ListingSearchDocument> documents, int seed = 7)
    {
        var random = new Random(seed);
        var words = ListingGenerator.ProductWords;
        string Word() => words[random.Next(words.Length)];
        var sellers = documents.Select(d => d.SellerId).Distinct().Take(20).ToArray();
        var queries = new List<Query>();

        for (var i = 0; i < 300; i++)
        {
            queries.Add(new("exact", new CatalogSearchRequest(i % 3 == 0 ? $"{Word()} {Word()}" : Word())));
        }

        for (var i = 0; i < 250; i++)
        {
            var word = words.Where(w => w.Length >= 5).ElementAt(random.Next(words.Count(w => w.Length >= 5)));
            queries.Add(new("typo", new CatalogSearchRequest(Misspell(random, word))));
        }

        for (var i = 0; i < 200; i++)
        {
            var word = Word();
            var prefix = word[..Math.Min(word.Length, 3 + random.Next(3))];
            queries.Add(new("prefix", new CatalogSearchRequest(i % 2 == 0 ? prefix : $"{Word()} {prefix}")));
        }

        for (var i = 0; i < 150; i++)
        {
            var request = (i % 3) switch
            {
                0 => new CatalogSearchRequest(Word(), category: ListingGenerator.Categories[random.Next(ListingGenerator.Categories.Length)]),
                1 => new CatalogSearchRequest(Word(), pricing: CatalogSearchRequest.PricingModels[random.Next(4)]),
                _ => new CatalogSearchRequest(Word(), seller: sellers[random.Next(sellers.Length)]),
            };
            queries.Add(new("filtered", request));
        }

        for (var i = 0; i < 100; i++)
        {
            OrganisationId? seller = i % 4 == 3 ? sellers[random.Next(sellers.Length)] : null;
            var category = i % 4 == 1 ? ListingGenerator.Categories[random.Next(ListingGenerator.Categories.Length)] : null;
            var sort = i % 2 == 0 ? CatalogSearchSort.Newest : CatalogSearchSort.Title;
            queries.Add(new("empty", new CatalogSearchRequest(category: category, seller: seller, sort: sort, page: 1 + random.Next(3))));
        }

        return queries;
    }

    /// <summary>One edit (two for long words), never in the first letter: a swap, a dropped letter or a wrong one.</summary>
    private static string Misspell(Random random, string word)
    {
        var edits = word.Length >= 8 ? 2 : 1;
        for (var e = 0; e < edits; e++)
        {
            var at = 1 + random.Next(word.Length - 2);
            word = random.Next(3) switch
            {
                0 => string.Concat(word[..at], word[at + 1].ToString(), word[at].ToString(), word[(at + 2)..]),
                1 => word.Remove(at, 1),
                _ => string.Concat(word[..at], ((char)('a' + random.Next(26))).ToString(), word[(at + 1)..]),
            };
        }

        return word;
    }
}
