using System.Text.Json.Nodes;

namespace Patron.Segmentation.Contracts;

/// <param name="Rule">The rule tree: {"all": [...]}, {"any": [...]}, {"not": rule} or {"field", "op", "value"}.</param>
public sealed record SegmentView(Guid Id, string Name, string? Description, JsonNode Rule, int MemberCount, DateTime? RefreshedAt,
    string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt);

public sealed record SegmentMember(Guid CustomerId, string Name, DateTime? EnteredAt);

/// <summary>What an unsaved rule would select today: the count and the first customers.</summary>
public sealed record SegmentPreview(int Count, IReadOnlyList<SegmentMember> Sample);

public sealed record SegmentSizePoint(DateTime At, int Members, int Entered, int Left);

/// <summary>A customer's current segments, for the customer 360 page.</summary>
public sealed record CustomerSegment(Guid SegmentId, string Name, DateTime EnteredAt);

/// <summary>A field a rule can use: its name in rule JSON, the Chinese label, its kind and, for choices, the values seen.</summary>
public sealed record SegmentField(string Name, string? Label, string Kind, IReadOnlyList<string> Operators, IReadOnlyList<string> Values);
