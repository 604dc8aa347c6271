using IotActors.Actors;

namespace IotActors.Actors.Tests;

public sealed class ActorPathTests
{
    [Fact]
    public void Parse_and_format_round_trip_with_remote_address_and_uid()
    {
        var path = ActorPath.Parse("iot://sys@10.0.0.5:4053/user/a/b#42");
        path.Address.Should().Be(new Address("iot", "sys", "10.0.0.5", 4053));
        path.Elements.Should().Equal("user", "a", "b");
        path.Name.Should().Be("b");
        path.Uid.Should().Be(42);
        path.ToString().Should().Be("iot://sys@10.0.0.5:4053/user/a/b");
        path.ToSerializationFormat().Should().Be("iot://sys@10.0.0.5:4053/user/a/b#42");
        path.ToStringWithoutAddress().Should().Be("/user/a/b");
        path.Parent.ToString().Should().Be("iot://sys@10.0.0.5:4053/user/a");
    }

    [Fact]
    public void Local_address_formats_without_host()
    {
        var root = ActorPath.Root(Address.Local("sys"));
        var path = root / "user" / "x";
        path.ToString().Should().Be("iot://sys/user/x");
        path.ToStringWithAddress(new Address("iot", "sys", "pi1", 4053)).Should().Be("iot://sys@pi1:4053/user/x");
        root.ToString().Should().Be("iot://sys/");
        Address.Parse("iot://sys").HasLocalScope.Should().BeTrue();
    }

    [Fact]
    public void Equality_ignores_uid_but_compares_address_and_elements()
    {
        ActorPath.Parse("iot://s/user/a#1").Should().Be(ActorPath.Parse("iot://s/user/a#2"));
        ActorPath.Parse("iot://s/user/a").Should().NotBe(ActorPath.Parse("iot://t/user/a"));
        ActorPath.Parse("iot://s/user/a").GetHashCode().Should().Be(ActorPath.Parse("iot://s/user/a#5").GetHashCode());
    }

    [Theory]
    [InlineData("")]
    [InlineData("user/a")]
    [InlineData("iot://")]
    [InlineData("iot://sys@host/user")]
    [InlineData("iot://sys@host:99999/user")]
    [InlineData("iot://sys@:1/user")]
    [InlineData("iot://sys/user//a")]
    [InlineData("iot://sys/user/a#notanumber")]
    [InlineData("iot://s y s/user")]
    public void Parse_rejects_garbage_with_a_reason(string text)
    {
        ActorPath.TryParse(text, out _).Should().BeFalse();
        var act = () => ActorPath.Parse(text);
        act.Should().Throw<FormatException>().WithMessage("Invalid actor path*");
    }

    [Fact]
    public void Child_rejects_invalid_names()
    {
        var root = ActorPath.Root(Address.Local("sys"));
        FluentActions.Invoking(() => root.Child("a/b")).Should().Throw<InvalidActorNameException>();
        FluentActions.Invoking(() => root.Child("")).Should().Throw<InvalidActorNameException>();
    }
}
