using System.CommandLine;
using IotActors.Node.Tools;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors token new --role R [--name N] --data-dir D</c>: create an API token.</summary>
internal static class TokenCommands
{
    public static Command Build(TextWriter output)
    {
        var role = new Option<string>("--role") { Description = "viewer, operator or admin.", Required = true };
        role.AcceptOnlyFromAmong("viewer", "operator", "admin");
        var name = new Option<string?>("--name") { Description = "A label for the token (default: the role and date)." };
        var dataDir = new Option<string>("--data-dir") { Description = "The node's data directory, which holds api-tokens.json.", Required = true };
        var create = new Command("new", "Create an API bearer token; it is printed once and only its salted hash is stored.") { role, name, dataDir };
        create.SetAction(result =>
        {
            ApiRole apiRole = Enum.Parse<ApiRole>(result.GetRequiredValue(role), ignoreCase: true);
            DateTimeOffset now = TimeProvider.System.GetUtcNow();
            string label = result.GetValue(name) ?? $"{apiRole.ToString().ToLowerInvariant()}-{now:yyyy-MM-dd}";
            var store = new ApiTokenStore(result.GetRequiredValue(dataDir));
            string token = store.Create(apiRole, label, now);
            output.WriteLine(token);
            output.WriteLine($"# {apiRole.ToString().ToLowerInvariant()} token '{label}' stored as a salted hash in {store.FilePath}; it cannot be shown again.");
            return 0;
        });
        return new Command("token", "Manage API tokens.") { create };
    }
}
