namespace IotActors.Remote.Security;

/// <summary>Creates files that only their owner may read or write (mode 0600 on Unix).</summary>
internal static class OwnerOnlyFile
{
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) SetOwnerOnly(options);
        return new FileStream(path, options);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void SetOwnerOnly(FileStreamOptions options) =>
        options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}
