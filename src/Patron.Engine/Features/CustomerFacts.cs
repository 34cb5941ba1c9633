namespace Patron.Engine.Features;

/// <summary>
/// What the feature store keeps of a customer's profile: demographics and tags, the inputs of age band, gender,
/// region and occupation rules. Gender is a key such as "male" (null = unknown).
/// </summary>
public sealed record CustomerFacts(
    string? Gender = null, DateOnly? Birthday = null, string? Province = null, string? City = null, string? Occupation = null,
    IReadOnlyList<string>? Tags = null, DateOnly? SignedUp = null);

/// <summary>
/// One purchase as the store needs it. <paramref name="NetAmount"/> is what was paid minus what was refunded, in fen;
/// <paramref name="Counts"/> is false for cancelled and fully refunded orders, which the store ignores entirely
/// (they are not purchases). <paramref name="CategorySpend"/> is the line amounts per category name.
/// </summary>
public sealed record PurchaseFact(
    DateOnly Day, long NetAmount, string Channel, string? Store = null,
    IReadOnlyList<KeyValuePair<string, long>>? CategorySpend = null, bool Counts = true);
