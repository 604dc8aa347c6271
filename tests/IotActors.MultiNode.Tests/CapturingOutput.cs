using System.Text;

namespace IotActors.MultiNode.Tests;

/// <summary>An ITestOutputHelper that keeps what the harness wrote, to assert on it.</summary>
internal sealed class CapturingOutput : ITestOutputHelper
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get { lock (_text) return _text.ToString(); }
    }

    public void WriteLine(string message)
    {
        lock (_text) _text.AppendLine(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
