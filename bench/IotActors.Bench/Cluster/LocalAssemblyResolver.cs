using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace IotActors.Bench.Cluster;

/// <summary>
/// Loads assemblies copied next to the bench that its deps.json does not list (the test kit, an executable-style project,
/// and its xunit dependencies), so the cluster command can drive the multi-node harness.
/// </summary>
internal static class LocalAssemblyResolver
{
    [ModuleInitializer]
    internal static void Install() => AssemblyLoadContext.Default.Resolving += Resolve;

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
