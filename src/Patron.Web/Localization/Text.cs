using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Patron.Web.Localization;

/// <summary>
/// Every visible string of the UI, in zh-CN and English. Strings live in embedded JSON files
/// (Localization/Strings/*.json, one per area: {"Key": {"zh-CN": "…", "en": "…"}}); a key missing a
/// language, or defined twice, stops the app at start-up rather than showing a raw key to a user.
/// </summary>
public sealed class Text
{
    readonly FrozenDictionary<string, (string Zh, string En)> strings;

    public Text() : this(LoadEmbedded()) { }

    public Text(IReadOnlyDictionary<string, (string Zh, string En)> strings) => this.strings = strings.ToFrozenDictionary();

    public string this[string key] => Get(key, CultureInfo.CurrentUICulture);

    public string this[string key, params object?[] args] => string.Format(CultureInfo.CurrentCulture, this[key], args);

    public IEnumerable<string> Keys => strings.Keys;

    public bool Contains(string key) => strings.ContainsKey(key);

    public string Get(string key, CultureInfo culture) =>
        strings.TryGetValue(key, out var s) ? (culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? s.Zh : s.En) : key;

    public static Dictionary<string, (string Zh, string En)> LoadEmbedded()
    {
        var assembly = typeof(Text).Assembly;
        var all = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.Strings.") && n.EndsWith(".json")))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"{name} is empty.");
            foreach (var (key, langs) in file)
            {
                if (!langs.TryGetValue(Cultures.Default, out var zh) || !langs.TryGetValue(Cultures.English, out var en))
                    throw new InvalidOperationException($"{name}: '{key}' needs both zh-CN and en.");
                if (!all.TryAdd(key, (zh, en)))
                    throw new InvalidOperationException($"{name}: '{key}' is defined in another strings file too.");
            }
        }
        return all;
    }
}
