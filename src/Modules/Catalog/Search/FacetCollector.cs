using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Tradewind.Catalog.Search;

/// <summary>
/// Counts, for every match (not only the page shown), the values of some sorted-set doc-value fields. Counting is
/// by ordinal within a segment, so only values that occur are ever turned back into strings.
/// </summary>
internal sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Length];
    private readonly int[]?[] _segmentCounts = new int[]?[fields.Length];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        for (var f = 0; f < fields.Length; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
            _values[f] = values;
            _segmentCounts[f] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null)
            {
                continue;
            }

            var counts = _segmentCounts[f]!;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>The counts of <paramref name="field"/>'s values among everything collected.</summary>
    public IReadOnlyDictionary<string, int> Counts(string field)
    {
        FlushSegment();
        return _totals[Array.IndexOf(fields, field)];
    }

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        for (var f = 0; f < fields.Length; f++)
        {
            if (_values[f] is not { } values || _segmentCounts[f] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    values.LookupOrd(ord, scratch);
                    var value = scratch.Utf8ToString();
                    _totals[f][value] = _totals[f].GetValueOrDefault(value) + counts[ord];
                }
            }

            _values[f] = null;
            _segmentCounts[f] = null;
        }
    }
}
