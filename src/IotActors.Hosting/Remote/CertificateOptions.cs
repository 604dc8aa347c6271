namespace IotActors.Hosting;

/// <summary>Where a node's TLS certificate comes from (<c>iotactors.remote.certificate</c>).</summary>
public sealed record CertificateOptions
{
    /// <summary><c>generate</c> (self-signed, kept in <see cref="Directory"/>), <c>pfx</c> or <c>pem</c>.</summary>
    public string Source { get; init; } = "generate";

    /// <summary>Folder of the generated certificate; defaults to the node's data directory.</summary>
    public string Directory { get; init; } = "";

    /// <summary>PFX file (source = pfx).</summary>
    public string PfxFile { get; init; } = "";

    /// <summary>Environment variable holding the PFX password, if any (never a literal in config).</summary>
    public string PfxPasswordEnvironmentVariable { get; init; } = "";

    /// <summary>PEM certificate file (source = pem).</summary>
    public string PemCertificateFile { get; init; } = "";

    /// <summary>PEM private key file (source = pem).</summary>
    public string PemKeyFile { get; init; } = "";

    internal static CertificateOptions From(SettingsReader section, NodeOptions node)
    {
        var options = new CertificateOptions
        {
            Source = section.OneOf("source", "generate", "generate", "pfx", "pem"),
            Directory = section.String("dir", node.DataDirectory),
            PfxFile = section.String("pfx-file", ""),
            PfxPasswordEnvironmentVariable = section.String("pfx-password-env", ""),
            PemCertificateFile = section.String("pem-cert-file", ""),
            PemKeyFile = section.String("pem-key-file", ""),
        };
        if (options.Source == "pfx" && options.PfxFile.Length == 0)
            throw new InvalidSettingException(section.KeyOf("pfx-file"), null, "a PFX file path when certificate.source = pfx");
        if (options.Source == "pem" && (options.PemCertificateFile.Length == 0 || options.PemKeyFile.Length == 0))
            throw new InvalidSettingException(section.KeyOf(options.PemCertificateFile.Length == 0 ? "pem-cert-file" : "pem-key-file"), null,
                "both pem-cert-file and pem-key-file when certificate.source = pem");
        return options;
    }
}
