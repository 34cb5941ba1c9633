using Microsoft.EntityFrameworkCore;
using Patron.Ingestion.Import.Mapping;
using Patron.Platform;

namespace Patron.Ingestion.Import;

/// <summary>
/// Which mapping an import uses: the one given, else the preset named, else the one remembered for the source,
/// else one suggested from the file's headers. The mapping used is remembered for the source and kind.
/// </summary>
public sealed class SourceMappings(PatronDb db, TimeProvider clock)
{
    public async Task<ColumnMapping> ChooseAsync(string source, ImportKind kind, ColumnMapping? given, string? preset,
        IReadOnlyList<string> headers, CancellationToken ct)
    {
        if (given is not null) return Check(given, kind);
        if (preset is not null)
            return Check(MappingPresets.Find(preset) ?? throw new ImportRefused(
                [$"No preset '{preset}'; presets: {string.Join(", ", MappingPresets.Names)}."]), kind).FittedTo(headers);
        if (await FindAsync(source, kind, ct) is { } stored) return stored;
        return ColumnMapping.Suggest(kind, headers);
    }

    public async Task<ColumnMapping?> FindAsync(string source, ImportKind kind, CancellationToken ct)
    {
        var json = await db.Set<ImportSource>().Where(s => s.Name == source && s.Kind == kind).Select(s => s.MappingJson).FirstOrDefaultAsync(ct);
        return json is null ? null : ColumnMapping.FromJson(json);
    }

    /// <summary>Adds or updates the source's remembered mapping; the caller saves.</summary>
    public async Task RememberAsync(string source, ColumnMapping mapping, CancellationToken ct)
    {
        var row = await db.Set<ImportSource>().FirstOrDefaultAsync(s => s.Name == source && s.Kind == mapping.Kind, ct);
        if (row is null) db.Add(row = new ImportSource { Id = Ids.New(), Name = source, Kind = mapping.Kind });
        row.MappingJson = mapping.ToJson();
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    static ColumnMapping Check(ColumnMapping mapping, ImportKind kind) => mapping.Kind == kind ? mapping
        : throw new ImportRefused([$"The mapping is for a {mapping.Kind.ToString().ToLowerInvariant()} import, not {kind.ToString().ToLowerInvariant()}."]);
}
