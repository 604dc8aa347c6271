using IotActors.Devices.Abstractions;
using IotActors.Devices.Replay;
using IotActors.Devices.Tests.Support;

namespace IotActors.Devices.Tests.Replay;

public sealed class DatasetLoaderTests
{
    [Fact]
    public void Csv_malformed_rows_are_skipped_with_line_numbers_and_logged()
    {
        const string csv = """
            timestamp,temperature,humidity
            2025-10-24T10:00:00,22.5,55.2
            2025-10-24T10:01:00,22.6
            2025-10-24T10:02:00,abc,55.0
            yesterday,22.7,55.0
            "2025-10-24T10:04:00,22.8,55.0

            2025-10-24T10:05:00,22.9,54.8
            2025-10-24T10:03:00,23.0,54.0
            """;
        var log = new ListLogger();
        var data = DatasetLoader.Parse(csv, json: false, "x.csv", logger: log);
        data.Records.Should().HaveCount(2);
        data.Records[0].Values.Should().Equal(new MetricValue("temperature", 22.5, "C"), new MetricValue("humidity", 55.2, "%RH"));
        data.Records[1].Line.Should().Be(8);
        data.Skipped.Select(s => s.Line).Should().Equal(3, 4, 5, 6, 9);
        data.Skipped[0].Reason.Should().Contain("2 fields");
        data.Skipped[1].Reason.Should().Contain("'temperature' is not a number");
        data.Skipped[2].Reason.Should().Contain("ISO 8601");
        data.Skipped[3].Reason.Should().Contain("quote");
        data.Skipped[4].Reason.Should().Contain("earlier");
        log.Messages.Should().Contain(m => m.Contains("skipped line 4")).And.Contain(m => m.Contains("skipped 5 bad row(s), kept 2"));
    }

    [Fact]
    public void Json_records_are_read_and_bad_records_skipped_with_their_line()
    {
        const string json = """
            [
              {"timestamp": "2025-10-24T10:00:00", "temperature": 22.5, "humidity": 55.2},
              {"timestamp": "2025-10-24T10:00:30", "temperature": "warm", "humidity": 55.0},
              42,
              {"timestamp": "2025-10-24T10:01:00", "temperature": 22.7, "humidity": 54.9}
            ]
            """;
        var data = DatasetLoader.Parse(json, json: true, "x.json");
        data.Records.Select(r => r.Values[0].Value).Should().Equal(22.5, 22.7);
        data.Records[0].Timestamp.Should().Be(new DateTimeOffset(2025, 10, 24, 10, 0, 0, TimeSpan.Zero));
        data.Skipped.Should().Equal(new DatasetRowError(3, "'temperature' is not a number: 'warm'"), new DatasetRowError(4, "record is a JSON Number, expected an object"));
    }

    [Fact]
    public void Column_mapping_selects_metrics_units_and_timestamp_column()
    {
        const string csv = "time,temp_c,rh,comment\n1761300000,21.5,40,ok\n1761300060,21.7,41,fine\n";
        var mapping = new DatasetColumnMapping("time", DatasetColumnMapping.ParseMetrics("temp_c:C, rh:%RH"));
        var data = DatasetLoader.Parse(csv, json: false, mapping: mapping);
        data.Skipped.Should().BeEmpty();
        data.Records[1].Values.Should().Equal(new MetricValue("temp_c", 21.7, "C"), new MetricValue("rh", 41, "%RH"));
        data.Records[0].Timestamp.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1761300000));
    }

    [Fact]
    public void Unusable_files_throw_a_dataset_exception_with_the_reason()
    {
        var notArray = () => DatasetLoader.Parse("{\"a\": 1}", json: true, "o.json");
        notArray.Should().Throw<DatasetException>().WithMessage("*JSON array*");
        var broken = () => DatasetLoader.Parse("[\n{\"temperature\": 1,\n", json: true, "b.json");
        broken.Should().Throw<DatasetException>().WithMessage("*not valid JSON*");
        var empty = () => DatasetLoader.Parse("  \n", json: false, "e.csv");
        empty.Should().Throw<DatasetException>().WithMessage("*header*");
        var allBad = () => DatasetLoader.Parse("timestamp,t\nx,1\n", json: false, "a.csv");
        allBad.Should().Throw<DatasetException>().WithMessage("*no usable rows*line 2*");
        var missing = () => DatasetLoader.Load("/nonexistent/iotactors/data.csv");
        missing.Should().Throw<DatasetException>().WithMessage("*Cannot read dataset*");
    }

    [Fact]
    public void Random_garbage_never_crashes_the_loader()
    {
        var rng = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[rng.Next(0, 200)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = "{}[],:\"\n0123456789.-etimestamp x"[rng.Next(32)];
            }

            var text = new string(chars);
            foreach (var json in new[] { true, false })
            {
                try
                {
                    var data = DatasetLoader.Parse(text, json);
                    data.Records.Should().NotBeEmpty();
                }
                catch (DatasetException)
                {
                }
            }
        }
    }
}
