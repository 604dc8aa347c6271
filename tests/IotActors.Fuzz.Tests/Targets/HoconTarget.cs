using System.Text;
using IotActors.Fuzz.Engine;
using IotActors.Hocon;

namespace IotActors.Fuzz.Targets;

/// <summary>The HOCON parser and resolver (HOCON and JSON syntax); includes resolve against an empty folder.</summary>
internal sealed class HoconTarget : IFuzzTarget
{
    private static readonly string EmptyFolder = Directory.CreateTempSubdirectory("iotactors-fuzz-hocon-").FullName;
    private readonly HoconParseOptions _conf = new() { BaseDirectory = EmptyFolder, SourceName = "fuzz.conf" };
    private readonly HoconParseOptions _json = new() { BaseDirectory = EmptyFolder, SourceName = "fuzz.json", Syntax = HoconSyntax.Json };

    public string Name => "hocon";

    public bool IsText => true;

    public IEnumerable<byte[]> Seeds()
    {
        string[] texts =
        [
            "a = 1\nb = ${a}\nc { d = [1, 2, ${b}] }\n",
            "iotactors { node { name = \"n1\", port = 4053 } roles = [sensor, controller] }",
            "x = ${?HOME}\ny = foo bar ${x} baz\nz += 3\nz += 4\n",
            "{\"a\": {\"b\": [true, false, null, 1.5e3, \"s\"]}}",
            "a.b.c = 10s\na.b { d = 5 MiB }\ninclude \"missing.conf\"\n",
            "s = \"\"\"multi\nline\"\"\"\n# comment\n// comment\nk : v\n",
            "a = { b = 1 }\nc = ${a} { d = 2 }\ne = [1] [2]\n",
        ];
        return texts.Select(Encoding.UTF8.GetBytes);
    }

    public FuzzOutcome Run(byte[] input)
    {
        string text = Encoding.UTF8.GetString(input);
        try
        {
            HoconParser.Parse(text, input.Length % 4 == 0 ? _json : _conf);
            return FuzzOutcome.Accepted;
        }
        catch (HoconException)
        {
            return FuzzOutcome.Rejected;
        }
    }
}
