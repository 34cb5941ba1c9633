namespace Patron.Testing;

/// <summary>
/// The real data sets of the project (shared/data, each folder with a SOURCE.md): looked for in PATRON_SHARED_DATA,
/// then in ../shared/data beside the checkout, then in /work/shared/data (where the team's machines keep it, so a
/// clone elsewhere still finds it). Missing on a developer machine the test skips; on CI (CI=true) it fails, so a
/// missing data set never passes as green.
/// </summary>
static class SharedData
{
    public static string File(string folder, string file)
    {
        foreach (var root in Roots())
        {
            var path = Path.GetFullPath(Path.Combine(root, folder, file));
            if (System.IO.File.Exists(path)) return path;
        }
        var message = $"Data file {folder}/{file} not found in: {string.Join(", ", Roots())}.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
        Assert.Skip(message);
        return "";
    }

    public static bool Exists(string folder, string file) =>
        Roots().Any(r => System.IO.File.Exists(Path.Combine(r, folder, file)));

    static IEnumerable<string> Roots()
    {
        if (Environment.GetEnvironmentVariable("PATRON_SHARED_DATA") is { Length: > 0 } configured) yield return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Patron.slnx")))
            {
                yield return Path.Combine(dir.FullName, "..", "shared", "data");
                break;
            }
        yield return "/work/shared/data";
    }
}
