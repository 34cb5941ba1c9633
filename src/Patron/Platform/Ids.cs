namespace Patron.Platform;

public static class Ids
{
    /// <summary>Time-ordered ids keep B-tree inserts at the right edge of the index.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
