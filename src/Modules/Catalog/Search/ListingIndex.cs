using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Tradewind.Contracts;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Catalog.Search;

/// <summary>
/// The published listings in memory, searchable. Searches never wait: each runs on the reader it acquired, while
/// changes go to an <see cref="IndexWriter"/> and become visible together when a fresh reader is swapped in
/// (<see cref="SearcherManager"/>). A full rebuild fills a whole new generation beside the live one and swaps it
/// in only when complete, so a rebuild that fails half-way leaves the previous index answering.
/// Writers (<see cref="ReplaceAllAsync"/>, <see cref="ApplyAsync"/>) must not run concurrently with each other.
/// </summary>
internal sealed class ListingIndex : IDisposable
{
    private const int MaxSellerFacets = 20;

    private static readonly string[] FacetFields = [ListingFields.Category, ListingFields.Pricing, ListingFields.SellerFacet];

    private static readonly Sort ByRelevance = new(
        SortField.FIELD_SCORE, new SortField(ListingFields.PublishedAt, SortFieldType.INT64, reverse: true), new SortField(ListingFields.Slug, SortFieldType.STRING));

    private static readonly Sort ByNewest = new(
        new SortField(ListingFields.PublishedAt, SortFieldType.INT64, reverse: true), new SortField(ListingFields.Slug, SortFieldType.STRING));

    private static readonly Sort ByTitle = new(
        new SortField(ListingFields.TitleSort, SortFieldType.STRING), new SortField(ListingFields.Slug, SortFieldType.STRING));

    private readonly Analyzer _analyzer = TranslatedSearchFields.CreateIndexAnalyzer(ListingAnalyzer.Create());
    private volatile Generation _current;
    private volatile IReadOnlyDictionary<string, string> _categoryNames = new Dictionary<string, string>(StringComparer.Ordinal);

    public ListingIndex()
    {
        _current = new Generation(_analyzer);
    }

    /// <summary>How many listings the index holds now.</summary>
    public int Count
    {
        get
        {
            var (generation, searcher) = Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>Category slugs to display names, for result cards and facet labels.</summary>
    public void SetCategoryNames(IReadOnlyDictionary<string, string> names) => _categoryNames = names;

    /// <summary>Replaces the whole index with <paramref name="listings"/> (removed ones skipped); returns how many it holds.</summary>
    public async Task<int> ReplaceAllAsync(IAsyncEnumerable<ListingSearchDocument> listings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var next = new Generation(_analyzer);
        try
        {
            var count = 0;
            await foreach (var listing in listings.WithCancellation(cancellationToken))
            {
                if (!listing.Removed)
                {
                    next.Writer.AddDocument(ListingFields.ToDocument(listing));
                    count++;
                }
            }

            next.Searchers.MaybeRefreshBlocking();
            var previous = _current;
            _current = next;
            previous.Dispose();
            return count;
        }
        catch
        {
            next.Dispose();
            throw;
        }
    }

    /// <summary>Adds or replaces each listing by id, deletes the removed ones, then publishes them at once; returns how many it applied.</summary>
    public async Task<int> ApplyAsync(IAsyncEnumerable<ListingSearchDocument> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var generation = _current;
        var count = 0;
        try
        {
            await foreach (var listing in changes.WithCancellation(cancellationToken))
            {
                var id = new Term(ListingFields.Id, listing.Id.ToString());
                if (listing.Removed)
                {
                    generation.Writer.DeleteDocuments(id);
                }
                else
                {
                    generation.Writer.UpdateDocument(id, ListingFields.ToDocument(listing));
                }

                count++;
            }
        }
        finally
        {
            // Whatever was applied is published even if the stream failed: every change is an idempotent upsert or
            // delete, and the next poll asks for the same period again.
            if (count > 0)
            {
                generation.Searchers.MaybeRefreshBlocking();
            }
        }

        return count;
    }

    public CatalogSearchResult Search(CatalogSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = Filter(request);
        var sort = request.Sort switch
        {
            CatalogSearchSort.Relevance => ByRelevance,
            CatalogSearchSort.Title => ByTitle,
            _ => ByNewest,
        };

        var (generation, searcher) = Acquire();
        try
        {
            var query = TranslatedSearchFields.Combine(ListingQuery.Build(_analyzer, searcher.IndexReader, request.Query), searcher.IndexReader, request.Query, request.Language);
            var maxDoc = searcher.IndexReader.MaxDoc;
            var wanted = request.Skip >= maxDoc ? 1 : Math.Min(request.Skip + request.PageSize, maxDoc);
            var top = TopFieldCollector.Create(sort, Math.Max(1, wanted), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            var facets = new FacetCollector(FacetFields);
            searcher.Search(query, filter, MultiCollector.Wrap(top, facets));

            var total = top.TotalHits;
            var categoryNames = _categoryNames;
            var items = request.Skip >= total
                ? []
                : top.GetTopDocs(request.Skip, request.PageSize).ScoreDocs
                    .Select(hit => ListingFields.ToHit(searcher.Doc(hit.Doc), hit.Score, categoryNames))
                    .ToList();

            return new CatalogSearchResult(
                new Page<CatalogSearchHit>(items, request.Page, request.PageSize, total),
                request.Sort,
                new CatalogSearchFacets(
                    Facet(facets.Counts(ListingFields.Category), request.Category, slug => categoryNames.GetValueOrDefault(slug, slug)),
                    Facet(facets.Counts(ListingFields.Pricing), request.Pricing, PricingLabel),
                    SellerFacet(facets.Counts(ListingFields.SellerFacet), request.Seller?.ToString())));
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _current.Dispose();
        _analyzer.Dispose();
    }

    private (Generation Generation, IndexSearcher Searcher) Acquire()
    {
        while (true)
        {
            var generation = _current;
            try
            {
                return (generation, generation.Searchers.Acquire());
            }
            catch (ObjectDisposedException) when (!ReferenceEquals(generation, _current))
            {
                // A rebuild swapped generations between reading _current and acquiring from it; use the new one.
            }
        }
    }

    private static QueryWrapperFilter? Filter(CatalogSearchRequest request)
    {
        var filter = new BooleanQuery();
        if (request.Category is { } category)
        {
            filter.Add(new TermQuery(new Term(ListingFields.Category, category)), Occur.MUST);
        }

        if (request.Pricing is { } pricing)
        {
            filter.Add(new TermQuery(new Term(ListingFields.Pricing, pricing)), Occur.MUST);
        }

        if (request.Seller is { } seller)
        {
            filter.Add(new TermQuery(new Term(ListingFields.SellerId, seller.ToString())), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private static List<FacetCount> Facet(IReadOnlyDictionary<string, int> counts, string? selected, Func<string, string> label) =>
        counts.Select(c => new FacetCount(c.Key, label(c.Key), c.Value, string.Equals(c.Key, selected, StringComparison.Ordinal)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();

    /// <summary>The sellers with most matches (a marketplace has thousands), plus the selected one wherever it ranks.</summary>
    private static List<FacetCount> SellerFacet(IReadOnlyDictionary<string, int> counts, string? selected)
    {
        var all = counts.Select(c =>
        {
            var separator = c.Key.IndexOf(ListingFields.LabelSeparator, StringComparison.Ordinal);
            var id = c.Key[..separator];
            return new FacetCount(id, c.Key[(separator + 1)..], c.Value, string.Equals(id, selected, StringComparison.Ordinal));
        });
        var ordered = all.OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        return ordered.Take(MaxSellerFacets).Concat(ordered.Skip(MaxSellerFacets).Where(f => f.Selected)).ToList();
    }

    private static string PricingLabel(string value) => value switch
    {
        "free-trial" => "Free trial",
        "free-tier" => "Free tier",
        "usage" => "Usage-based",
        "contract" => "Contract",
        _ => value,
    };

    /// <summary>One complete index: its storage, its writer and the manager handing out its readers.</summary>
    private sealed class Generation : IDisposable
    {
        private readonly RAMDirectory _directory = new();

        public Generation(Analyzer analyzer)
        {
            Writer = new IndexWriter(_directory, new IndexWriterConfig(ListingAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE });
            Searchers = new SearcherManager(Writer, applyAllDeletes: true, new SegmentFacets.Warmer(FacetFields));
        }

        public IndexWriter Writer { get; }

        public SearcherManager Searchers { get; }

        public void Dispose()
        {
            // Searches still holding a reader of this generation keep it open until they release it.
            Searchers.Dispose();
            Writer.Dispose();
        }
    }
}
