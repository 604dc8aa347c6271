namespace IotActors.Home.Rules;

/// <summary>One or more rule declarations are invalid; <see cref="Errors"/> names each bad entry and key.</summary>
public sealed class RuleConfigurationException : Exception
{
    /// <summary>Creates the exception from one message per problem.</summary>
    public RuleConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid rule configuration:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors))
    {
        Errors = errors;
    }

    /// <summary>One message per problem, each starting with where it is (e.g. <c>home.rules[1] (id 'fan-auto')</c>).</summary>
    public IReadOnlyList<string> Errors { get; }
}
