using System.Globalization;
using System.Text;

namespace IotActors.Hocon;

/// <summary>Renders resolved values as HOCON text (JSON-compatible: quoted keys and strings).</summary>
internal static class HoconRenderer
{
    public static string Render(HoconValue value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    public static string RenderKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && key is not ("true" or "false" or "null" or "include") && !char.IsAsciiDigit(key[0]) && key[0] != '-'
            ? key
            : Quote(key);

    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || char.IsSurrogate(c) || c == '\uFEFF' || c == '\u2028' || c == '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, int indent)
    {
        switch (value)
        {
            case HoconObject o:
                if (o.Keys.Count == 0)
                {
                    sb.Append("{}");
                    return;
                }

                sb.Append("{\n");
                foreach (var k in o.Keys)
                {
                    sb.Append(' ', (indent + 1) * 2).Append(Quote(k)).Append(" : ");
                    Write(sb, o.Fields[k], indent + 1);
                    sb.Append('\n');
                }

                sb.Append(' ', indent * 2).Append('}');
                return;
            case HoconArray a:
                sb.Append('[');
                for (int i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Write(sb, a.Items[i], indent + 1);
                }

                sb.Append(']');
                return;
            case HoconString s:
                sb.Append(Quote(s.Value));
                return;
            default:
                sb.Append(value.ScalarText);
                return;
        }
    }
}
