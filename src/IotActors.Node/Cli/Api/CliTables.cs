using Spectre.Console;

namespace IotActors.Node.Cli.Api;

/// <summary>Writes Spectre.Console tables as plain text (no colour or ANSI codes) to a command's output.</summary>
internal static class CliTables
{
    public static void Write(TextWriter output, Table table)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200; // wide enough that ids and addresses are never wrapped when output is redirected
        console.Write(table);
    }

    /// <summary>Escapes text from the API for a table cell.</summary>
    public static string Cell(string? text) => Markup.Escape(text ?? "");
}
