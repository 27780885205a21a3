using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GidSandbox.Cluster;

/// <summary>
/// One process <c>cluster up</c> started, as it prints it (one JSON line each) and <c>cluster down</c> stops it: its role
/// (<c>primary</c>, <c>replica</c>, <c>node</c>, <c>proxy</c>), its name (<c>node-1</c>, …), where it listens, and its folder.
/// </summary>
public sealed record ClusterProcess(string Role, string Name, string Url, int Pid, string DataDirectory)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Alive, and still the process started (a PID reused by another program is not stopped).</summary>
    [JsonIgnore]
    public bool IsAlive => ClusterState.IsAlive(Pid, Role is ClusterState.PrimaryRole or ClusterCommand.ReplicaRole ? "postgres" : "GidSandbox");
}

/// <summary>The processes of the running cluster, in <c>.data/cluster/state.json</c>, in the order they were started.</summary>
public static class ClusterState
{
    public const string PrimaryRole = "primary";

    public static string FileIn(string clusterDirectory) => Path.Combine(clusterDirectory, "state.json");

    public static List<ClusterProcess> Read(string clusterDirectory) => File.Exists(FileIn(clusterDirectory))
        ? JsonSerializer.Deserialize<List<ClusterProcess>>(File.ReadAllText(FileIn(clusterDirectory)), ClusterProcess.Json) ?? []
        : [];

    /// <summary>Written after each start, so <c>cluster down</c> stops what a failed <c>cluster up</c> left running too.</summary>
    public static void Write(string clusterDirectory, IEnumerable<ClusterProcess> processes) =>
        File.WriteAllText(FileIn(clusterDirectory), JsonSerializer.Serialize(processes, ClusterProcess.Json));

    public static void Delete(string clusterDirectory) => File.Delete(FileIn(clusterDirectory));

    /// <summary>Whether <paramref name="pid"/> runs and its command line names <paramref name="program"/>.</summary>
    public static bool IsAlive(int pid, string program)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // A zombie (killed, not reaped) is dead; a command line read mid-exec is empty, so only a non-empty one may say it is another program.
            var state = File.ReadAllText($"/proc/{pid}/stat").Split(") ", 2)[1][0];
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return !process.HasExited && state != 'Z' && (commandLine.Length == 0 || commandLine.Contains(program, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, as <c>kill</c> sends it: the host stops gracefully (the daemon gives up its leadership).</summary>
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }
}
