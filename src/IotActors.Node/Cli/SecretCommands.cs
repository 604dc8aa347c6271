using System.CommandLine;
using IotActors.Remote.Security;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors secret new [--out FILE]</c>: create a cluster secret.</summary>
internal static class SecretCommands
{
    public static Command Build(TextWriter output)
    {
        var outFile = new Option<string?>("--out", "-o") { Description = "Write the secret to this new file (mode 0600) instead of printing it." };
        var create = new Command("new", "Create a 32-byte random cluster secret (base64).") { outFile };
        create.SetAction(result =>
        {
            ClusterSecret secret = ClusterSecret.Generate();
            if (result.GetValue(outFile) is not { } path)
            {
                output.WriteLine(secret.ToBase64());
                return 0;
            }
            try
            {
                secret.WriteToFile(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new CliUsageException($"'{path}' already exists; refusing to overwrite a secret. Remove it first or choose another --out.");
            }
            output.WriteLine($"wrote a new cluster secret to {path} (readable by its owner only)");
            return 0;
        });
        return new Command("secret", "Manage the cluster secret.") { create };
    }
}
