using System.CommandLine;
using System.Globalization;
using IotActors.Node.Api.Dto;
using IotActors.Node.Cli.Api;
using Spectre.Console;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors devices list</c>, <c>iotactors device show ID</c> and <c>iotactors send ID on|off</c> through a node's REST API.</summary>
internal static class ApiDeviceCommands
{
    public static IEnumerable<Command> Build(TextWriter output)
    {
        var list = new Command("list", "Every device with its latest value, state, health and owner node.").WithApiOptions();
        list.SetAction(async (result, ct) =>
        {
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            ApiReply<IReadOnlyList<DeviceDto>> reply = await client.GetDevicesAsync(ct).ConfigureAwait(false);
            if (result.GetValue(ApiConnectionOptions.Json))
            {
                output.WriteLine(reply.Json);
                return 0;
            }

            WriteTable(output, reply.Value);
            output.WriteLine($"{reply.Value.Count} device(s)");
            return 0;
        });
        yield return new Command("devices", "Devices through a node's REST API.") { list };

        var id = new Argument<string>("ID") { Description = "The device id." };
        var show = new Command("show", "One device.") { id };
        show.WithApiOptions();
        show.SetAction(async (result, ct) =>
        {
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            ApiReply<DeviceDto> reply = await client.GetDeviceAsync(result.GetRequiredValue(id), ct).ConfigureAwait(false);
            if (result.GetValue(ApiConnectionOptions.Json))
            {
                output.WriteLine(reply.Json);
                return 0;
            }

            WriteTable(output, [reply.Value]);
            return 0;
        });
        yield return new Command("device", "One device through a node's REST API.") { show };

        var target = new Argument<string>("ID") { Description = "The actuator's device id." };
        var state = new Argument<string>("STATE") { Description = "on (active) or off (idle)." };
        state.AcceptOnlyFromAmong("on", "off");
        var send = new Command("send", "Sets an actuator's desired state (operator); audited by the node.") { target, state };
        send.WithApiOptions();
        send.SetAction(async (result, ct) =>
        {
            string device = result.GetRequiredValue(target);
            bool active = result.GetRequiredValue(state) == "on";
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            ApiReply<CommandReply> reply = await client.SendCommandAsync(device, active, ct).ConfigureAwait(false);
            if (result.GetValue(ApiConnectionOptions.Json))
            {
                output.WriteLine(reply.Json);
                return 0;
            }

            output.WriteLine($"{device}: {(active ? "on" : "off")} {reply.Value.Status}{(string.IsNullOrEmpty(reply.Value.Detail) ? "" : $" ({reply.Value.Detail})")}");
            return 0;
        });
        yield return send;
    }

    private static void WriteTable(TextWriter output, IEnumerable<DeviceDto> devices)
    {
        var table = new Table().AddColumns("id", "kind", "metric", "value", "state", "health", "owner", "updated");
        foreach (DeviceDto d in devices)
        {
            string value = d.Value is { } v ? $"{v.ToString("0.###", CultureInfo.InvariantCulture)}{(d.Unit is null ? "" : " " + d.Unit)}" : "";
            string active = d.Active switch { true => "active", false => "idle", null => "" };
            table.AddRow(CliTables.Cell(d.Id), CliTables.Cell(d.Kind), CliTables.Cell(d.Metric), CliTables.Cell(value), active,
                CliTables.Cell(d.Health), CliTables.Cell(d.OwnerNode), d.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        CliTables.Write(output, table);
    }
}
