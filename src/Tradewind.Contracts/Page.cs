namespace Tradewind.Contracts;

/// <summary>A request for one page of a list: 1-based <see cref="Number"/>, <see cref="Size"/> between 1 and 200.</summary>
public readonly record struct PageRequest
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    public PageRequest(int number, int size)
    {
        if (number < 1)
        {
            throw new ValidationFailedException("page", "Page numbers start at 1.");
        }

        if (size is < 1 or > MaxSize)
        {
            throw new ValidationFailedException("pageSize", $"Page size must be between 1 and {MaxSize}.");
        }

        Number = number;
        Size = size;
    }

    public int Number { get; }

    public int Size { get; }

    public int Skip => (Number - 1) * Size;

    public static PageRequest From(int? number, int? size) => new(number ?? 1, size ?? DefaultSize);
}

/// <summary>One page of results with the total count, so clients can render pagers.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : ((TotalCount - 1) / PageSize) + 1;

    public bool HasNext => PageNumber < TotalPages;

    public bool HasPrevious => PageNumber > 1;
}
