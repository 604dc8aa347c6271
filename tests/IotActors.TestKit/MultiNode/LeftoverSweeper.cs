namespace IotActors.TestKit.MultiNode;

/// <summary>
/// Removes what earlier harness runs left behind when their test process died (killed, crashed, hung): node processes,
/// namespaces, links and run folders whose owner process is gone. Live parallel runs are left alone.
/// </summary>
internal static class LeftoverSweeper
{
    /// <summary>Sweeps every dead run; returns the names of what it removed.</summary>
    public static IReadOnlyList<string> Sweep(bool namespacesAvailable)
    {
        var removed = new List<string>();
        var dead = new Dictionary<string, bool>();
        bool IsDead(string runId) => dead.TryGetValue(runId, out bool d) ? d : dead[runId] = !RunOwnership.IsOwnerAlive(runId);

        if (Directory.Exists(RunOwnership.Root))
        {
            foreach (string dir in Directory.GetDirectories(RunOwnership.Root))
            {
                string runId = Path.GetFileName(dir);
                if (!RunOwnership.NamePattern().IsMatch(runId) || !IsDead(runId)) continue;
                foreach (int pid in RunOwnership.LiveNodePids(dir))
                {
                    KillQuietly(pid);
                    removed.Add($"process {pid}");
                }
            }
        }

        if (namespacesAvailable)
        {
            foreach (string ns in NamespaceNetwork.ListNamespaces())
            {
                if (RunOwnership.NamePattern().Match(ns) is { Success: true } m && IsDead(m.Groups[1].Value))
                {
                    NamespaceNetwork.DeleteNamespace(ns);
                    removed.Add($"namespace {ns}");
                }
            }
            foreach (string link in NamespaceNetwork.ListLinks())
            {
                if (RunOwnership.NamePattern().Match(link) is { Success: true } m && IsDead(m.Groups[1].Value))
                {
                    CommandRunner.Run("ip", "link", "del", link);
                    removed.Add($"link {link}");
                }
            }
        }

        foreach (var (runId, isDead) in dead)
        {
            string dir = Path.Combine(RunOwnership.Root, runId);
            if (isDead && Directory.Exists(dir) && !RunOwnership.IsKeptArtifact(dir))
            {
                TryDeleteDirectory(dir);
                removed.Add($"folder {dir}");
            }
        }
        return removed;
    }

    internal static void KillQuietly(int pid)
    {
        try
        {
            ProcessSignals.Send(pid, ProcessSignals.SigKill);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static void TryDeleteDirectory(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying process; the next sweep removes it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
