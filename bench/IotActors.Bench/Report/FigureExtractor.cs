using System.Globalization;
using System.Text.RegularExpressions;

namespace IotActors.Bench.Report;

/// <summary>Reads the figures of one result from its console output with the anchor rows' patterns (last match wins).</summary>
internal static class FigureExtractor
{
    public static Dictionary<string, double> Extract(string result, IEnumerable<string> lines, AnchorFile anchors)
    {
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = lines.ToList();
        foreach (var row in anchors.RowsFor(result))
        {
            var regex = new Regex(row.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var line in text)
            {
                var m = regex.Match(line);
                if (m.Success && m.Groups.Count > 1 && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    figures[row.Figure] = v * row.Scale;
                }
            }
        }
        return figures;
    }
}
