using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IotActors.Remote.Security;

/// <summary>Creates, stores and loads a node's TLS certificate.</summary>
public static class NodeCertificate
{
    /// <summary>The file name of the generated certificate inside the data directory.</summary>
    public const string FileName = "node-cert.pfx";

    /// <summary>Loads <c>node-cert.pfx</c> from the data directory, generating a self-signed ECDSA P-256 one first if absent.</summary>
    public static X509Certificate2 LoadOrCreate(string dataDirectory, string subjectName, TimeProvider? time = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            var now = (time ?? TimeProvider.System).GetUtcNow();
            using var fresh = CreateSelfSigned(subjectName, now);
            var bytes = fresh.Export(X509ContentType.Pfx);
            var tmp = path + ".tmp";
            File.Delete(tmp);
            using (var stream = OwnerOnlyFile.CreateNew(tmp))
            {
                stream.Write(bytes);
            }
            File.Move(tmp, path);
        }
        return LoadPfx(path);
    }

    /// <summary>Creates a self-signed ECDSA P-256 certificate usable for TLS server and client authentication.</summary>
    /// <remarks>Validity starts a day before <paramref name="now"/> and lasts 100 years: nodes without a real-time clock must not break.</remarks>
    public static X509Certificate2 CreateSelfSigned(string subjectName, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={subjectName}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Loads a PFX file (certificate with private key), e.g. one issued by a site CA.</summary>
    public static X509Certificate2 LoadPfx(string path, string? password = null) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password);

    /// <summary>Loads a PEM certificate and its PEM private key.</summary>
    public static X509Certificate2 LoadPem(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pfx), null);
    }

    /// <summary>The SHA-256 fingerprint of a certificate's DER encoding.</summary>
    public static byte[] Fingerprint(X509Certificate? certificate) =>
        certificate is null ? [] : SHA256.HashData(certificate.GetRawCertData());
}
