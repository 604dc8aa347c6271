using System.CommandLine;
using System.Globalization;
using IotActors.Node.Api.Dto;
using IotActors.Node.Cli.Api;
using Spectre.Console;

namespace IotActors.Node.Cli;

/// <summary><c>iotactors rules list|add|remove</c> through a node's REST API (add and remove need an admin token).</summary>
internal static class ApiRulesCommands
{
    public static Command Build(TextWriter output)
    {
        var list = new Command("list", "Every rule and the rule set's version.").WithApiOptions();
        list.SetAction(async (result, ct) =>
        {
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            ApiReply<RuleListReply> reply = await client.GetRulesAsync(ct).ConfigureAwait(false);
            if (result.GetValue(ApiConnectionOptions.Json))
            {
                output.WriteLine(reply.Json);
                return 0;
            }

            var table = new Table().AddColumns("id", "actuator", "sensors", "metric", "aggregate", "on above", "off below", "consecutive on/off");
            foreach (RuleDto r in reply.Value.Rules)
            {
                table.AddRow(CliTables.Cell(r.Id), CliTables.Cell(r.Actuator), CliTables.Cell(string.Join(',', r.Sensors ?? [])), CliTables.Cell(r.Metric),
                    CliTables.Cell(r.Aggregate), Number(r.OnAbove), Number(r.OffBelow), $"{r.OnConsecutive}/{r.OffConsecutive}");
            }
            CliTables.Write(output, table);
            output.WriteLine($"{reply.Value.Rules.Count} rule(s), version {reply.Value.Version}");
            return 0;
        });

        var id = new Option<string>("--id") { Description = "The rule's id.", Required = true };
        var actuator = new Option<string>("--actuator") { Description = "The actuator the rule switches.", Required = true };
        var sensors = new Option<string[]>("--sensor") { Description = "A sensor the rule reads (repeat for several).", Required = true };
        var metric = new Option<string>("--metric") { Description = "The metric to compare, e.g. temperature.", Required = true };
        var onAbove = new Option<double>("--on-above") { Description = "Switch on when the aggregate rises above this.", Required = true };
        var offBelow = new Option<double>("--off-below") { Description = "Switch off when the aggregate falls below this.", Required = true };
        var consecutive = new Option<int?>("--consecutive") { Description = "Readings in a row needed to switch either way (default 1)." };
        var aggregate = new Option<string?>("--aggregate") { Description = "How several sensors combine: avg (default), max or min." };
        aggregate.AcceptOnlyFromAmong("avg", "max", "min");
        var add = new Command("add", "Adds a rule (admin); audited by the node.") { id, actuator, sensors, metric, onAbove, offBelow, consecutive, aggregate };
        add.WithApiOptions();
        add.SetAction(async (result, ct) =>
        {
            int? inARow = result.GetValue(consecutive);
            if (inARow is < 1) throw new CliUsageException("--consecutive must be at least 1");
            var rule = new RuleDto(result.GetRequiredValue(id), result.GetRequiredValue(actuator), result.GetRequiredValue(sensors), result.GetRequiredValue(metric),
                result.GetValue(aggregate) ?? "avg", result.GetValue(onAbove), result.GetValue(offBelow), inARow ?? 1, inARow ?? 1);
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            string body = await client.AddRuleAsync(rule, ct).ConfigureAwait(false);
            output.WriteLine(result.GetValue(ApiConnectionOptions.Json) ? body : $"rule '{rule.Id}' added");
            return 0;
        });

        var ruleId = new Argument<string>("ID") { Description = "The rule's id." };
        var remove = new Command("remove", "Removes a rule (admin); audited by the node.") { ruleId };
        remove.WithApiOptions(json: false);
        remove.SetAction(async (result, ct) =>
        {
            string rule = result.GetRequiredValue(ruleId);
            using NodeApiClient client = ApiConnectionOptions.Connect(result);
            await client.RemoveRuleAsync(rule, ct).ConfigureAwait(false);
            output.WriteLine($"rule '{rule}' removed");
            return 0;
        });

        return new Command("rules", "Automation rules through a node's REST API.") { list, add, remove };
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
}
