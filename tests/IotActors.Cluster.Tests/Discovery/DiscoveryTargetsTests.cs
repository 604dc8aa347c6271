using System.Net;
using IotActors.Cluster.Discovery;

namespace IotActors.Cluster.Tests.Discovery;

public sealed class DiscoveryTargetsTests
{
    [Fact]
    public void Entries_without_a_port_use_the_discovery_port_and_entries_with_one_keep_it()
    {
        DiscoveryTargets.Parse(["127.255.255.255", "239.255.40.54:5000"], 4054).Should().Equal(
            new IPEndPoint(IPAddress.Parse("127.255.255.255"), 4054), new IPEndPoint(IPAddress.Parse("239.255.40.54"), 5000));
    }

    [Theory]
    [InlineData("my-host")]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0.1:0")]
    public void A_target_that_is_not_an_ip_address_is_refused_with_an_example(string entry) =>
        FluentActions.Invoking(() => DiscoveryTargets.Parse([entry], 4054)).Should().Throw<FormatException>().WithMessage("*192.168.1.255*");

    [Fact]
    public void Settings_with_a_secret_of_the_wrong_length_or_a_zero_interval_are_refused()
    {
        var ok = new DiscoverySettings(new byte[32], "site", []);
        FluentActions.Invoking(ok.Validate).Should().NotThrow();
        FluentActions.Invoking((ok with { Secret = new byte[16] }).Validate).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Secret");
        FluentActions.Invoking((ok with { Interval = TimeSpan.Zero }).Validate).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Interval");
        FluentActions.Invoking(new ClusterSettings { GossipDifferentViewProbability = 2 }.Validate).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(new ClusterSettings { MonitoredBy = 0 }.Validate).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MonitoredBy");
    }
}
