using System.CommandLine;
using System.Net;
using IotActors.Node.Tools;
using Spectre.Console;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors scan [--cidr C] [--ports P] [--timeout T]</c>: find IoT services on a network by TCP connect.</summary>
internal static class ScanCommand
{
    public static Command Build(TextWriter output)
    {
        var cidr = new Option<string?>("--cidr") { Description = "IPv4 network to scan, at most /16 (default: this machine's subnet). Only scan networks you own." };
        var ports = new Option<string?>("--ports", "-p") { Description = "Ports and ranges, e.g. 22,80,1883,8000-8010 (default: common IoT ports)." };
        var timeout = new Option<int>("--timeout", "-t") { Description = "Connect timeout per port in milliseconds.", DefaultValueFactory = _ => 500 };
        var parallel = new Option<int>("--parallel") { Description = "Connections tried at once.", DefaultValueFactory = _ => 64 };
        var scan = new Command("scan", "TCP connect scan for IoT services (SSH, HTTP(S), MQTT(-TLS), IotActors ports) with reverse DNS.") { cidr, ports, timeout, parallel };
        scan.SetAction(async (result, cancellation) =>
        {
            Cidr network;
            IReadOnlyList<int> portList;
            try
            {
                network = result.GetValue(cidr) is { } text ? Cidr.Parse(text)
                    : Cidr.LocalSubnet() ?? throw new CliUsageException("no up IPv4 interface found; give --cidr");
                portList = result.GetValue(ports) is { } p ? IotPorts.Parse(p) : IotPorts.Default;
            }
            catch (FormatException ex)
            {
                throw new CliUsageException(ex.Message);
            }
            int timeoutMs = result.GetValue(timeout);
            int parallelism = result.GetValue(parallel);
            if (timeoutMs is < 1 or > 60_000) throw new CliUsageException("--timeout must be 1 to 60000 milliseconds");
            if (parallelism is < 1 or > 1024) throw new CliUsageException("--parallel must be 1 to 1024");

            IPAddress[] hosts = network.Hosts().ToArray();
            output.WriteLine($"scanning {hosts.Length} host(s) in {network} on {portList.Count} TCP port(s), timeout {timeoutMs} ms");
            IReadOnlyList<ScanResult> found = await PortScanner.ScanAsync(hosts, portList, TimeSpan.FromMilliseconds(timeoutMs), parallelism, cancellation)
                .ConfigureAwait(false);

            var table = new Table().AddColumns("host", "name", "port", "service");
            foreach (ScanResult r in found) table.AddRow(r.Host.ToString(), Markup.Escape(r.HostName ?? ""), r.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(r.Service));
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Write(table);
            output.WriteLine($"{found.Count} open port(s) on {found.Select(f => f.Host).Distinct().Count()} host(s); CoAP (5683/udp) is not probed: UDP has no connect handshake.");
            return 0;
        });
        return scan;
    }
}
