using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IotActors.Hocon;

/// <summary>Loads a HOCON file into configuration keys: <c>a.b.c</c> becomes <c>a:b:c</c>, array items <c>a:0</c>.</summary>
public sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly HoconConfigurationSource _source;

    /// <summary>Creates a provider for the source.</summary>
    public HoconConfigurationProvider(HoconConfigurationSource source) => _source = source;

    /// <inheritdoc />
    /// <exception cref="HoconException">The file is invalid; the message names file, line and column.</exception>
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(_source.Path) || !_source.Optional)
        {
            var config = HoconParser.ParseFile(_source.Path, _source.Options);
            Flatten(config.Root, null, data);
        }

        Data = data;
    }

    internal static void Flatten(HoconValue value, string? prefix, IDictionary<string, string?> data)
    {
        switch (value)
        {
            case HoconObject o:
                foreach (var k in o.Keys)
                {
                    Flatten(o.Fields[k], prefix is null ? k : prefix + ConfigurationPath.KeyDelimiter + k, data);
                }

                break;
            case HoconArray a:
                for (int i = 0; i < a.Items.Count; i++)
                {
                    string index = i.ToString(CultureInfo.InvariantCulture);
                    Flatten(a.Items[i], prefix is null ? index : prefix + ConfigurationPath.KeyDelimiter + index, data);
                }

                break;
            case HoconNull:
                if (prefix is not null)
                {
                    data[prefix] = null;
                }

                break;
            default:
                if (prefix is not null)
                {
                    data[prefix] = value.ScalarText;
                }

                break;
        }
    }
}
