using System.Reflection;
using System.Text.RegularExpressions;

namespace Patron.Tests.Architecture;

/// <summary>The modular monolith keeps its boundaries by these tests, not by a pile of projects.</summary>
public sealed partial class BoundaryTests
{
    [Fact]
    public void The_engine_references_no_database_web_or_io_library()
    {
        var engine = Assembly.Load("Patron.Engine");
        var references = engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = references.Where(r => !(r.StartsWith("System") || r is "netstandard" or "mscorlib")).ToList();
        Assert.True(forbidden.Count == 0, $"Patron.Engine must stay pure but references: {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void A_module_uses_only_the_contracts_of_another_module()
    {
        var src = Path.Combine(RepositoryRoot(), "src", "Patron");
        var modules = Directory.GetDirectories(src).Select(Path.GetFileName).Where(m => m is not ("bin" or "obj" or "Platform")).ToList();
        // DemoData builds a whole shop, so it writes every module's entities; it is a fixture, not a module.
        string[] exempt = ["DemoData"];
        var violations = new List<string>();
        foreach (var module in modules.Except(exempt))
            foreach (var file in Directory.EnumerateFiles(Path.Combine(src, module!), "*.cs", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                // EF configurations may point a foreign key at another module's entity; nothing else may.
                if (text.Contains("IEntityTypeConfiguration<")) continue;
                foreach (Match m in ModuleReference().Matches(text))
                {
                    var other = m.Groups[1].Value;
                    if (other != module && modules.Contains(other) && m.Groups[2].Value != ".Contracts")
                        violations.Add($"{Path.GetRelativePath(src, file)} uses Patron.{other}{m.Groups[2].Value}");
                }
            }
        Assert.True(violations.Count == 0, "Use the other module's Contracts namespace instead:\n" + string.Join("\n", violations.Distinct()));
    }

    [GeneratedRegex(@"\bPatron\.(\w+)(\.Contracts|\b)")]
    private static partial Regex ModuleReference();

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Patron.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Patron.slnx not found above " + AppContext.BaseDirectory);
    }
}
