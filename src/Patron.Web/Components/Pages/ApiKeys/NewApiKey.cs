namespace Patron.Web.Components.Pages.ApiKeys;

/// <summary>What the create dialog hands back to the page.</summary>
public sealed record NewApiKey(string Name, IReadOnlyList<string> Scopes);
