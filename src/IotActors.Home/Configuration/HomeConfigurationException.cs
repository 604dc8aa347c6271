namespace IotActors.Home.Configuration;

/// <summary>The <c>iotactors.home</c> section is invalid; <see cref="Errors"/> names each bad key or rule entry.</summary>
public sealed class HomeConfigurationException : Exception
{
    /// <summary>Creates the exception from one message per problem.</summary>
    public HomeConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid iotactors.home configuration:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>One message per problem, each starting with the full key.</summary>
    public IReadOnlyList<string> Errors { get; }
}
