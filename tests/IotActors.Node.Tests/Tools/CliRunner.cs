using IotActors.Node.Cli;

namespace IotActors.Node.Tests.Tools;

internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await NodeCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
