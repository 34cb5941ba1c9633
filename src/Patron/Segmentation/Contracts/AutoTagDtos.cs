using System.Text.Json.Nodes;

namespace Patron.Segmentation.Contracts;

/// <param name="Rule">The rule tree, as for segments.</param>
/// <param name="MemberCount">Customers matching at the last refresh.</param>
public sealed record AutoTagRuleView(Guid Id, string Name, string Tag, JsonNode Rule, bool Enabled, int MemberCount, DateTime? RefreshedAt,
    string UpdatedBy, DateTime UpdatedAt);

/// <summary>One stretch of a customer matching the rule; <paramref name="TagAdded"/> whether the rule attached the tag.</summary>
public sealed record AutoTagHistoryEntry(Guid CustomerId, DateTime MatchedAt, DateTime? EndedAt, bool TagAdded, bool TagRemoved);
