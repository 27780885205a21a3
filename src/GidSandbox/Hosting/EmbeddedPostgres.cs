using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GidSandbox.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server binaries: loopback only, on a
/// free port, trust authentication. PostgreSQL refuses to run as root, so when this process is
/// root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IHostedService
{
    private static readonly string[] Extensions = ["pg_trgm", "unaccent", "fuzzystrmatch"];
    private readonly string _binaries;
    private readonly ILogger _logger;
    private readonly bool _ownsServer;
    private bool _stopped;

    private EmbeddedPostgres(string binaries, string dataDirectory, int port, string databaseName, ILogger logger, bool ownsServer = true)
    {
        _ownsServer = ownsServer;
        _binaries = binaries;
        _logger = logger;
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = databaseName,
            Username = "postgres",
            MaxPoolSize = 100,
            NoResetOnClose = true,
            MaxAutoPrepare = 50,
        }.ConnectionString;
    }

    public string ConnectionString { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    private static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The sandbox's own cluster lives in the repository's git-ignored <c>.data/postgres</c>.</summary>
    public static string DefaultDataDirectory(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GidSandbox.sln")))
            {
                return Path.Combine(directory.FullName, ".data", "postgres");
            }
        }

        return Path.Combine(contentRoot, ".data", "postgres");
    }

    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string databaseName, ILogger logger, CancellationToken cancellationToken = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var binaries = FindBinaries();
        if (RunningPortOfLiveOwner(dataDirectory) is { } runningPort)
        {
            // Another sandbox process (the server, or a command beside it) runs this cluster: use it, and leave stopping it to that process.
            var shared = new EmbeddedPostgres(binaries, dataDirectory, runningPort, databaseName, logger, ownsServer: false);
            await shared.CreateDatabaseAsync(databaseName, cancellationToken);
            LogShared(logger, runningPort, dataDirectory);
            return shared;
        }

        var port = FreePort();
        var postgres = new EmbeddedPostgres(binaries, dataDirectory, port, databaseName, logger);
        var started = Stopwatch.GetTimestamp();
        await postgres.InitializeAsync(cancellationToken);
        // A server left behind by a process that died is stopped before this process starts its own.
        await postgres.RunAsync("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], cancellationToken, mayFail: true);
        await postgres.StartServerAsync(cancellationToken);
        await File.WriteAllTextAsync(OwnerFile(dataDirectory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await postgres.CreateDatabaseAsync(databaseName, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogStarted(logger, port, dataDirectory, seconds);
        return postgres;
    }

    /// <summary>The process that started the cluster, beside (not in) the data directory, which belongs to the postgres user.</summary>
    private static string OwnerFile(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".owner";

    /// <summary>The port of a server running on <paramref name="dataDirectory"/> whose starting process is still alive, else null.</summary>
    private static int? RunningPortOfLiveOwner(string dataDirectory)
    {
        try
        {
            var pidFile = File.ReadAllLines(Path.Combine(dataDirectory, "postmaster.pid"));
            var owner = int.Parse(File.ReadAllText(OwnerFile(dataDirectory)).Trim(), CultureInfo.InvariantCulture);
            return owner != Environment.ProcessId && IsAlive(int.Parse(pidFile[0], CultureInfo.InvariantCulture)) && IsAlive(owner)
                ? int.Parse(pidFile[3], CultureInfo.InvariantCulture)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async Task StopAsync()
    {
        if (_stopped || !_ownsServer)
        {
            return;
        }

        _stopped = true;
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None, mayFail: true);
        File.Delete(OwnerFile(DataDirectory));
        LogStopped(_logger, Port);
    }

    private async Task StartServerAsync(CancellationToken ct) =>
        await RunAsync("pg_ctl",
            ["-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "postgres.log"),
             "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{DataDirectory}' -c max_connections=200", "start"],
            ct);

    /// <summary>Stops the server and leaves it down, as an outage would, until <see cref="StartAgainAsync"/>; clients' pools are left alone.</summary>
    public async Task StopForOutageAsync() =>
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);

    /// <summary>Starts the server stopped by <see cref="StopForOutageAsync"/> on the same port and data.</summary>
    public Task StartAgainAsync() => StartServerAsync(CancellationToken.None);

    /// <summary>Restarts the server on the same port and data, as an operator's restart or a failover would, leaving clients' pools alone.</summary>
    public async Task RestartAsync() =>
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "postgres.log"), "restart"], CancellationToken.None);

    public async ValueTask DisposeAsync() => await StopAsync();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>As a hosted service it stops with the host, after everything registered later.</summary>
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopAsync();

    private async Task InitializeAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return;
        }

        Directory.CreateDirectory(DataDirectory);
        if (IsRoot)
        {
            await RunAsync("/usr/bin/chown", ["-R", "postgres:postgres", DataDirectory], ct, asRoot: true);
            if (!await CanPostgresReachAsync(DataDirectory, ct))
            {
                throw new InvalidOperationException(
                    $"The postgres user cannot reach {DataDirectory}: a parent directory is not traversable by other users. " +
                    "Make its parents world-executable (chmod o+x), or configure ConnectionStrings:Gid to use another server.");
            }
        }

        await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
    }

    private async Task CreateDatabaseAsync(string databaseName, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            exists.Parameters.AddWithValue(databaseName);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"create database \"{databaseName.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        builder.Database = databaseName;
        await using var database = new NpgsqlConnection(builder.ConnectionString);
        await database.OpenAsync(ct);
        foreach (var extension in Extensions)
        {
            await using var command = new NpgsqlCommand($"create extension if not exists {extension}", database);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<bool> CanPostgresReachAsync(string directory, CancellationToken ct) =>
        await RunAsync("/usr/bin/test", ["-w", directory], ct, mayFail: true) == 0;

    /// <summary>Runs a PostgreSQL tool (as the postgres user when root) and fails with its output.</summary>
    private async Task<int> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct, bool mayFail = false, bool asRoot = false)
    {
        var executable = tool.StartsWith('/') ? tool : Path.Combine(_binaries, tool);
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (IsRoot && !asRoot)
        {
            start.FileName = "runuser";
            foreach (var prefix in new[] { "-u", "postgres", "--", executable })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        else
        {
            start.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0 && !mayFail)
        {
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', start.ArgumentList)} failed with exit code {process.ExitCode}: {await errors}{await output}{LogTail()}");
        }

        return process.ExitCode;
    }

    private string LogTail()
    {
        var log = Path.Combine(DataDirectory, "postgres.log");
        return File.Exists(log) ? $"\nLast lines of {log}:\n{string.Join('\n', File.ReadLines(log).TakeLast(15))}" : "";
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        return candidates.Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries were not found under /usr/lib/postgresql; install them (Debian: apt-get install postgresql postgresql-contrib) or configure ConnectionStrings:Gid.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL listening on 127.0.0.1:{Port}, data in {DataDirectory} (started in {Seconds:F1} s)")]
    private static partial void LogStarted(ILogger logger, int port, string dataDirectory, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL already running on 127.0.0.1:{Port} for another sandbox process, data in {DataDirectory}; it is left to that process to stop")]
    private static partial void LogShared(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL on port {Port} stopped")]
    private static partial void LogStopped(ILogger logger, int port);
}
