using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Tradewind.Catalog.Search;

/// <summary>
/// Counts, for every match (not only the page shown), the values of some sorted-set doc-value fields. Counting is
/// by ordinal within a segment over <see cref="SegmentFacets"/>, so only values that occur are turned into strings.
/// </summary>
internal sealed class FacetCollector(params string[] fields) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private readonly SegmentFacets.Field?[] _segment = new SegmentFacets.Field?[fields.Length];
    private readonly int[]?[] _segmentCounts = new int[]?[fields.Length];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        FlushSegment();
        var facets = SegmentFacets.Of(context.AtomicReader);
        for (var f = 0; f < fields.Length; f++)
        {
            var field = facets.Get(fields[f]);
            _segment[f] = field;
            _segmentCounts[f] = field is null ? null : new int[field.Labels.Length];
        }
    }

    public void Collect(int doc)
    {
        for (var f = 0; f < _segment.Length; f++)
        {
            if (_segment[f] is not { } field)
            {
                continue;
            }

            var counts = _segmentCounts[f]!;
            for (var i = field.Offsets[doc]; i < field.Offsets[doc + 1]; i++)
            {
                counts[field.Ordinals[i]]++;
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
        for (var f = 0; f < fields.Length; f++)
        {
            if (_segment[f] is not { } field || _segmentCounts[f] is not { } counts)
            {
                continue;
            }

            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                {
                    var value = field.Labels[ord];
                    _totals[f][value] = _totals[f].GetValueOrDefault(value) + counts[ord];
                }
            }

            _segment[f] = null;
            _segmentCounts[f] = null;
        }
    }
}

/// <summary>
/// One segment's facet values, decoded once into plain arrays: reading sorted-set doc values document by document
/// costs more than the search itself on large match sets. Segments never change (deletions aside, which the
/// collector never sees), so the arrays are cached per segment core and dropped with it.
/// </summary>
internal sealed class SegmentFacets
{
    private static readonly ConditionalWeakTable<object, SegmentFacets> Cache = [];

    private readonly AtomicReader _reader;
    private readonly Dictionary<string, Field?> _fields = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private SegmentFacets(AtomicReader reader) => _reader = reader;

    public static SegmentFacets Of(AtomicReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Cache.GetValue(reader.CoreCacheKey, _ => new SegmentFacets(reader));
    }

    public Field? Get(string name)
    {
        lock (_lock)
        {
            if (!_fields.TryGetValue(name, out var field))
            {
                field = Load(name);
                _fields[name] = field;
            }

            return field;
        }
    }

    private Field? Load(string name)
    {
        var values = _reader.GetSortedSetDocValues(name);
        if (values is null)
        {
            return null;
        }

        var scratch = new BytesRef();
        var labels = new string[values.ValueCount];
        for (var ord = 0; ord < labels.Length; ord++)
        {
            values.LookupOrd(ord, scratch);
            labels[ord] = scratch.Utf8ToString();
        }

        var offsets = new int[_reader.MaxDoc + 1];
        var ordinals = new List<int>(_reader.MaxDoc);
        for (var doc = 0; doc < _reader.MaxDoc; doc++)
        {
            offsets[doc] = ordinals.Count;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                ordinals.Add((int)ord);
            }
        }

        offsets[_reader.MaxDoc] = ordinals.Count;
        return new Field(labels, offsets, ordinals.ToArray());
    }

    /// <summary>Document <c>d</c> has the values <c>Labels[Ordinals[i]]</c> for <c>Offsets[d] ≤ i &lt; Offsets[d + 1]</c>.</summary>
    public sealed record Field(string[] Labels, int[] Offsets, int[] Ordinals);

    /// <summary>Decodes the facet fields of every segment of a new reader before any search uses it.</summary>
    public sealed class Warmer(params string[] fields) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            ArgumentNullException.ThrowIfNull(reader);
            foreach (var leaf in reader.Leaves)
            {
                var facets = Of(leaf.AtomicReader);
                foreach (var field in fields)
                {
                    facets.Get(field);
                }
            }

            return base.NewSearcher(reader);
        }
    }
}
