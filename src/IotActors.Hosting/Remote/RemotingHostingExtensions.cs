using System.Security.Cryptography.X509Certificates;
using IotActors.Remote;
using IotActors.Remote.Security;
using IotActors.Remote.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotActors.Hosting;

/// <summary>Adds remoting to a node: <c>services.AddIotActors(b =&gt; b.WithRemoting(r =&gt; r.Register(...)).WithActors(...))</c>.</summary>
public static class RemotingHostingExtensions
{
    /// <summary>Binds the transport from <c>iotactors.remote</c> before later startup steps create actors; it stops when the system terminates.</summary>
    /// <param name="builder">The node builder; call this before <c>WithActors</c>.</param>
    /// <param name="registerMessages">Registers the application's message types (and role rules) in the registry remoting uses.</param>
    public static IotActorsBuilder WithRemoting(this IotActorsBuilder builder, Action<MessageRegistry>? registerMessages = null)
    {
        builder.Services.AddSingleton(sp => RemoteOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<NodeOptions>()));
        return builder.AddStartupStep(async (system, services, _) =>
        {
            var options = services.GetRequiredService<RemoteOptions>();
            var logger = system.LoggerFactory.CreateLogger("IotActors.Remote");
            var registry = new MessageRegistry();
            registerMessages?.Invoke(registry);
            var secret = LoadSecret(options, logger);
            var certificate = options.Transport.TlsEnabled ? LoadCertificate(options.Certificate, services.GetRequiredService<NodeOptions>()) : null;
            var setup = new RemotingSetup(options.Transport, secret, certificate, registry) { ShutdownFlushTimeout = options.ShutdownFlushTimeout };
            await Remoting.StartAsync(system, setup).ConfigureAwait(false);
        });
    }

    /// <summary>Reads the cluster secret from <c>secret-file</c>, or from <c>IOTACTORS_CLUSTER_SECRET</c> when no file is set; the value is never logged.</summary>
    public static ClusterSecret LoadSecret(RemoteOptions options, ILogger? logger = null) =>
        options.SecretFile.Length > 0
            ? ClusterSecret.FromFile(options.SecretFile, logger)
            : ClusterSecret.FromEnvironment(RemoteOptions.SecretEnvironmentVariable);

    /// <summary>Loads the node certificate: generated once under the certificate folder, or read from PFX / PEM files.</summary>
    public static X509Certificate2 LoadCertificate(CertificateOptions options, NodeOptions node) => options.Source switch
    {
        "pfx" => NodeCertificate.LoadPfx(options.PfxFile,
            options.PfxPasswordEnvironmentVariable.Length > 0 ? Environment.GetEnvironmentVariable(options.PfxPasswordEnvironmentVariable) : null),
        "pem" => NodeCertificate.LoadPem(options.PemCertificateFile, options.PemKeyFile),
        _ => NodeCertificate.LoadOrCreate(options.Directory, $"iotactors-{node.Name}"),
    };
}
