namespace Patron.Platform;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageIndex, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Index, int Size) Clamp(int pageIndex, int pageSize) =>
        (Math.Max(0, pageIndex), Math.Clamp(pageSize, 1, MaxPageSize));
}
