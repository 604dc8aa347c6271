using FsCheck;
using FsCheck.Fluent;

namespace IotActors.Hocon.Tests;

public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> Keys = Gen.OneOf(
        Gen.Elements("a", "b", "c.d", "", "include", "true", "10", "-x", "with space", "q\"uote", "ünï", "$x", "#h"),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !s.Any(char.IsSurrogate)));

    private static readonly Gen<HoconValue> Scalars = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null && !s.Any(char.IsSurrogate)).Select(s => (HoconValue)new HoconString(s)),
        ArbMap.Default.GeneratorFor<long>().Select(l => (HoconValue)new HoconNumber(l)),
        ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (HoconValue)new HoconNumber(f.Get)),
        ArbMap.Default.GeneratorFor<bool>().Select(b => (HoconValue)new HoconBoolean(b)),
        Gen.Constant((HoconValue)HoconNull.Instance));

    private static Gen<HoconValue> Value(int depth) => depth <= 0
        ? Scalars
        : Gen.OneOf(Scalars, Array(depth - 1), Object(depth - 1));

    private static Gen<HoconValue> Array(int depth) =>
        Gen.ListOf(Value(depth)).Select(items => (HoconValue)new HoconArray(items.Take(5)));

    private static Gen<HoconValue> Object(int depth) =>
        Gen.ListOf(Gen.Zip(Keys, Value(depth))).Select(fields =>
            (HoconValue)new HoconObject(fields.Take(5).Select(f => new KeyValuePair<string, HoconValue>(f.Item1, f.Item2))));

    [Fact]
    public void Rendered_value_tree_parses_back_equal()
    {
        var property = Prop.ForAll(Object(3).ToArbitrary(), value =>
        {
            string text = value.Render();
            var parsed = HoconParser.Parse(text).Root;
            return parsed.Equals(value);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300).WithReplay(12345UL, 67891UL), property);
    }
}
