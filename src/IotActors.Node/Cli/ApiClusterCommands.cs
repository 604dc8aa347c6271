using System.CommandLine;
using IotActors.Home.Site;
using IotActors.Node.Cli.Api;
using Spectre.Console;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors cluster status|leave|down ADDRESS</c>: the cluster as a node's API sees it, and membership changes (admin).</summary>
internal static class ApiClusterCommands
{
    public static Command Build(TextWriter output)
    {
        var status = new Command("status", "Members with status, roles and reachability, and the leader.").WithApiOptions();
        status.SetAction(async (result, ct) =>
        {
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            ApiReply<ClusterSnapshot> reply = await client.GetClusterAsync(ct).ConfigureAwait(false);
            if (result.GetValue(ApiConnectionOptions.Json))
            {
                output.WriteLine(reply.Json);
                return 0;
            }

            ClusterSnapshot cluster = reply.Value;
            output.WriteLine($"self {cluster.Self}, leader {cluster.Leader ?? "(none)"}");
            var table = new Table().AddColumns("address", "status", "roles", "reachable", "leader");
            foreach (ClusterMemberInfo m in cluster.Members)
            {
                table.AddRow(CliTables.Cell(m.Address), CliTables.Cell(m.Status), CliTables.Cell(string.Join(',', m.Roles)),
                    m.Reachable ? "yes" : "NO", m.Address == cluster.Leader ? "*" : "");
            }
            CliTables.Write(output, table);
            output.WriteLine($"{cluster.Members.Count} member(s)");
            return 0;
        });

        var leave = new Command("leave", "The node behind --api leaves the cluster gracefully (admin); the process keeps running.").WithApiOptions(json: false);
        leave.SetAction(async (result, ct) =>
        {
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            await client.LeaveClusterAsync(ct).ConfigureAwait(false);
            output.WriteLine($"{client.BaseAddress} is leaving the cluster; watch 'iotactors cluster status'");
            return 0;
        });

        var address = new Argument<string>("ADDRESS") { Description = "The member's address, e.g. iot://home@192.168.1.20:4053." };
        var down = new Command("down", "Marks a member Down (admin); the leader then removes it. Use for nodes that are gone for good.") { address };
        down.WithApiOptions(json: false);
        down.SetAction(async (result, ct) =>
        {
            string member = result.GetRequiredValue(address);
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            await client.DownMemberAsync(member, ct).ConfigureAwait(false);
            output.WriteLine($"{member} marked down; the leader removes it");
            return 0;
        });

        return new Command("cluster", "Cluster membership through a node's REST API.") { status, leave, down };
    }
}
