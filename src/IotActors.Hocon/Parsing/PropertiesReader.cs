using System.Globalization;
using System.Text;

namespace IotActors.Hocon.Parsing;

/// <summary>Reads Java properties text: dotted keys become nested objects, every value is a string.</summary>
internal static class PropertiesReader
{
    public static UObject Read(string text, string? file)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var order = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNo = i + 1;
            string line = lines[i].TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithOddBackslashes(line) && i + 1 < lines.Length)
            {
                line = line[..^1] + lines[++i].TrimStart(' ', '\t', '\f');
            }

            int sep = FindSeparator(line);
            string rawKey = sep < 0 ? line : line[..sep];
            string rawValue = "";
            if (sep >= 0)
            {
                rawValue = line[(sep + 1)..].TrimStart(' ', '\t', '\f');
                if (line[sep] is ' ' or '\t' or '\f' && rawValue.Length > 0 && rawValue[0] is '=' or ':')
                {
                    rawValue = rawValue[1..].TrimStart(' ', '\t', '\f');
                }
            }

            var at = new SourcePosition(file, lineNo, 1);
            string key = Unescape(rawKey.TrimEnd(' ', '\t', '\f'), at);
            string value = Unescape(rawValue, at);
            Set(root, key.Split('.'), value);
        }

        return Build(root, new SourcePosition(file, 1, 1));
    }

    private static bool EndsWithOddBackslashes(string s)
    {
        int n = 0;
        for (int i = s.Length - 1; i >= 0 && s[i] == '\\'; i--)
        {
            n++;
        }

        return n % 2 == 1;
    }

    private static int FindSeparator(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string s, SourcePosition at)
    {
        if (!s.Contains('\\'))
        {
            return s;
        }

        var sb = new StringBuilder();
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            char e = s[++i];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (i + 4 >= s.Length || !int.TryParse(s.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw new HoconParseException("\\u in a properties file must be followed by four hex digits", at);
                    }

                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }

    private static void Set(Dictionary<string, object> node, string[] path, string value)
    {
        for (int i = 0; i < path.Length - 1; i++)
        {
            if (!node.TryGetValue(path[i], out var child) || child is not Dictionary<string, object> dict)
            {
                dict = new Dictionary<string, object>(StringComparer.Ordinal);
                node[path[i]] = dict;
            }

            node = dict;
        }

        if (!node.TryGetValue(path[^1], out var existing) || existing is string)
        {
            node[path[^1]] = value;
        }
    }

    private static UObject Build(Dictionary<string, object> node, SourcePosition at)
    {
        var obj = new UObject(at);
        foreach (var (k, v) in node)
        {
            obj.Add(k, v is string s ? new UScalar(new HoconString(s) { Position = at }, at) : Build((Dictionary<string, object>)v, at));
        }

        return obj;
    }
}
