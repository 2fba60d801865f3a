using BenchmarkDotNet.Attributes;
using Tradewind.Catalog.Search;
using Tradewind.Contracts.Catalog;

namespace Tradewind.Benchmarks;

/// <summary>Single searches over 100,000 generated listings, and building an index of 10,000.</summary>
[MemoryDiagnoser]
public class SearchBenchmarks : IDisposable
{
    private IReadOnlyList<ListingSearchDocument> _documents = [];
    private IReadOnlyList<ListingSearchDocument> _buildSet = [];
    private ListingIndex _index = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _documents = ListingGenerator.Generate(SearchLatency.ListingCount);
        _buildSet = _documents.Take(10_000).ToList();
        _index = new ListingIndex();
        await _index.ReplaceAllAsync(_documents.ToAsyncEnumerable(), CancellationToken.None);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _index?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public async Task<int> BuildIndexOf10k()
    {
        using var index = new ListingIndex();
        return await index.ReplaceAllAsync(_buildSet.ToAsyncEnumerable(), CancellationToken.None);
    }

    [Benchmark]
    public CatalogSearchResult ExactWord() => _index.Search(new CatalogSearchRequest("observability"));

    [Benchmark]
    public CatalogSearchResult TwoWords() => _index.Search(new CatalogSearchRequest("kubernetes monitoring"));

    [Benchmark]
    public CatalogSearchResult Typo() => _index.Search(new CatalogSearchRequest("obsrvability"));

    [Benchmark]
    public CatalogSearchResult Prefix() => _index.Search(new CatalogSearchRequest("warehouse analy"));

    [Benchmark]
    public CatalogSearchResult Filtered() => _index.Search(new CatalogSearchRequest("backup", category: "storage", pricing: "usage"));

    [Benchmark]
    public CatalogSearchResult EmptyWithFacets() => _index.Search(new CatalogSearchRequest());

    [Benchmark(Baseline = true)]
    public List<ListingSearchDocument> LinearScanExactWord() => SearchLatency.LinearScan(_documents, "observability");
}
