using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GidSandbox.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's server binaries: loopback only, on a
/// free port, SCRAM passwords on loopback. The passwords live in a 0600 file beside the data
/// directory (<see cref="PasswordFile"/>, in pgpass format), so other local accounts cannot connect.
/// The superuser <c>postgres</c> owns the schema; the sandbox serves requests as <see cref="ApplicationRole"/>.
/// PostgreSQL refuses to run as root, so when this process is root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable, IHostedService
{
    public const string Superuser = "postgres";
    public const string ApplicationRole = "gid_app";

    /// <summary>Data directories of the clusters this process started and still runs, so a host in the same process shares them.</summary>
    private static readonly ConcurrentDictionary<string, int> StartedHere = new(StringComparer.Ordinal);

    private readonly string _binaries;
    private readonly ILogger _logger;
    private bool _ownsServer;
    private bool _stopped;

    private EmbeddedPostgres(string binaries, string dataDirectory, int port, string databaseName, ILogger logger, bool ownsServer = true)
    {
        _ownsServer = ownsServer;
        _binaries = binaries;
        _logger = logger;
        DataDirectory = dataDirectory;
        Port = port;
        var passwords = Passwords.ReadOrCreate(PasswordFile);
        ConnectionString = ConnectionFor(port, databaseName, Superuser, passwords.Superuser);
        ApplicationConnectionString = ConnectionFor(port, databaseName, ApplicationRole, passwords.Application);
    }

    /// <summary>The superuser, which owns the schema: for migrations, tools and tests that play an attacker with database access.</summary>
    public string ConnectionString { get; }

    /// <summary>The role the sandbox serves requests as: no superuser, owns nothing.</summary>
    public string ApplicationConnectionString { get; }

    /// <summary>The cluster's passwords, beside the data directory (which belongs to the postgres user), readable by this account only.</summary>
    public string PasswordFile => SideFile(DataDirectory, ".password");

    /// <summary>The default key that encrypts the token signing keys stored in this cluster (see SigningKeys).</summary>
    public string KeyFile => SideFile(DataDirectory, ".keys");

    public int Port { get; }

    public string DataDirectory { get; }

    private static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>The sandbox's own cluster lives in the repository's git-ignored <c>.data/postgres</c>.</summary>
    public static string DefaultDataDirectory(string contentRoot) => Path.Combine(DataRoot(contentRoot), "postgres");

    /// <summary>The git-ignored <c>.data</c> folder of the repository holding <paramref name="contentRoot"/>, else of the content root.</summary>
    public static string DataRoot(string contentRoot)
    {
        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GidSandbox.sln")))
            {
                return Path.Combine(directory.FullName, ".data");
            }
        }

        return Path.Combine(contentRoot, ".data");
    }

    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, string databaseName, ILogger logger, CancellationToken cancellationToken = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var binaries = FindBinaries();
        if (RunningPortOfLiveOwner(dataDirectory) is { } runningPort)
        {
            // Another sandbox process (the server, or a command beside it), or a host earlier in this one, runs this cluster:
            // use it, and leave stopping it to whoever started it.
            var shared = new EmbeddedPostgres(binaries, dataDirectory, runningPort, databaseName, logger, ownsServer: false);
            await shared.CreateDatabaseAsync(databaseName, cancellationToken);
            LogShared(logger, runningPort, dataDirectory);
            return shared;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(dataDirectory)!);
        var port = FreePort();
        var postgres = new EmbeddedPostgres(binaries, dataDirectory, port, databaseName, logger);
        var started = Stopwatch.GetTimestamp();
        var created = await postgres.InitializeAsync(cancellationToken);
        // A server left behind by a process that died is stopped before this process starts its own.
        await postgres.RunAsync("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], cancellationToken, mayFail: true);
        var securedNow = await postgres.RequirePasswordsOnLoopbackAsync(cancellationToken);
        await postgres.StartServerAsync(cancellationToken);
        await File.WriteAllTextAsync(OwnerFile(dataDirectory), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        StartedHere[dataDirectory] = port;
        await postgres.SetPasswordsAsync(cancellationToken);
        if (securedNow && !created)
        {
            LogSecured(logger, dataDirectory, postgres.PasswordFile);
        }

        await postgres.CreateDatabaseAsync(databaseName, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogStarted(logger, port, dataDirectory, seconds);
        return postgres;
    }

    /// <summary>The process that started the cluster, beside (not in) the data directory, which belongs to the postgres user.</summary>
    private static string OwnerFile(string dataDirectory) => SideFile(dataDirectory, ".owner");

    private static string ConnectionFor(int port, string database, string role, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = database,
        Username = role,
        Password = password,
        MaxPoolSize = 100,
        NoResetOnClose = true,
        MaxAutoPrepare = 50,
    }.ConnectionString;

    private static string SideFile(string dataDirectory, string suffix) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + suffix;

    /// <summary>
    /// The port of a server running on <paramref name="dataDirectory"/> whose starting process is still alive (another
    /// process, or this one if it started that very server), else null.
    /// </summary>
    private static int? RunningPortOfLiveOwner(string dataDirectory)
    {
        try
        {
            var pidFile = File.ReadAllLines(Path.Combine(dataDirectory, "postmaster.pid"));
            var owner = int.Parse(File.ReadAllText(OwnerFile(dataDirectory)).Trim(), CultureInfo.InvariantCulture);
            var port = int.Parse(pidFile[3], CultureInfo.InvariantCulture);
            var liveOwner = owner == Environment.ProcessId
                ? StartedHere.TryGetValue(dataDirectory, out var startedPort) && startedPort == port
                : IsAlive(owner);
            return liveOwner && IsAlive(int.Parse(pidFile[0], CultureInfo.InvariantCulture)) ? port : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    internal static bool IsAlive(int pid)
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
        StartedHere.TryRemove(DataDirectory, out _);
        File.Delete(OwnerFile(DataDirectory));
        LogStopped(_logger, Port);
    }

    private async Task StartServerAsync(CancellationToken ct) =>
        await RunAsync("pg_ctl",
            ["-D", DataDirectory, "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "postgres.log"),
             "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{DataDirectory}' -c max_connections=200", "start"],
            ct);

    /// <summary>
    /// Hands the server to itself: it outlives this process (its own postmaster is recorded as the process that
    /// started it, so sandbox processes started on it share it) until <see cref="StopDetachedAsync"/> stops it.
    /// </summary>
    public async Task DetachAsync()
    {
        var postmaster = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First().Trim();
        await File.WriteAllTextAsync(OwnerFile(DataDirectory), postmaster);
        StartedHere.TryRemove(DataDirectory, out _);
        _ownsServer = false;
    }

    /// <summary>The process id of the server on <paramref name="dataDirectory"/>, while it runs.</summary>
    public static int? ServerPid(string dataDirectory) =>
        File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
        && int.TryParse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture, out var pid) && IsAlive(pid)
            ? pid
            : null;

    /// <summary>Stops a server handed to itself by <see cref="DetachAsync"/>.</summary>
    public static async Task StopDetachedAsync(string dataDirectory, ILogger logger)
    {
        var port = File.Exists(Path.Combine(dataDirectory, "postmaster.pid"))
            ? int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture)
            : 0;
        await new EmbeddedPostgres(FindBinaries(), dataDirectory, port, "postgres", logger).StopAsync();
    }

    /// <summary>Restarts a server handed to itself, as an operator's restart would (same port and settings), and hands it to its new postmaster.</summary>
    public static async Task RestartDetachedAsync(string dataDirectory, ILogger logger)
    {
        var port = int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture);
        var postgres = new EmbeddedPostgres(FindBinaries(), dataDirectory, port, "postgres", logger, ownsServer: false);
        await postgres.RestartAsync();
        await postgres.DetachAsync();
    }

    /// <summary>
    /// Starts a hot standby of the running server on <paramref name="primaryDataDirectory"/> in <paramref name="dataDirectory"/>
    /// on <paramref name="port"/>, and hands it to itself (as <see cref="DetachAsync"/> does): the first time, the data directory
    /// is copied with <c>pg_basebackup -R</c>, which leaves the standby its settings to stream from the primary; after
    /// that (a restart) it starts on the data it has and catches up. The roles and their passwords are the primary's, so its
    /// password file is copied beside the standby's data. <c>hot_standby_feedback</c> keeps the primary's vacuum from
    /// cancelling the standby's reads. Returns the standby's postmaster process id.
    /// </summary>
    public static async Task<int> StartStandbyDetachedAsync(string primaryDataDirectory, string dataDirectory, int port, ILogger logger, CancellationToken ct = default)
    {
        dataDirectory = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        File.Copy(SideFile(primaryDataDirectory, ".password"), SideFile(dataDirectory, ".password"), overwrite: true);
        var standby = new EmbeddedPostgres(FindBinaries(), dataDirectory, port, "postgres", logger, ownsServer: false);
        var started = Stopwatch.GetTimestamp();
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            Directory.CreateDirectory(dataDirectory);
            if (IsRoot)
            {
                await standby.RunAsync("/usr/bin/chown", ["postgres:postgres", dataDirectory], ct, asRoot: true);
            }

            await standby.RunAsync("/usr/bin/chmod", ["0700", dataDirectory], ct);
            var primaryPort = int.Parse(File.ReadLines(Path.Combine(primaryDataDirectory, "postmaster.pid")).ElementAt(3), CultureInfo.InvariantCulture);
            var source = $"host=127.0.0.1 port={primaryPort} user={Superuser} password={Passwords.ReadOrCreate(standby.PasswordFile).Superuser} application_name=gid-replica";
            await standby.RunAsync("pg_basebackup", ["-D", dataDirectory, "-d", source, "-R", "-X", "stream", "-c", "fast"], ct);
        }

        await standby.RunAsync("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], ct, mayFail: true);
        await standby.RunAsync("pg_ctl",
            ["-D", dataDirectory, "-w", "-t", "60", "-l", Path.Combine(dataDirectory, "postgres.log"),
             "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{dataDirectory}' -c max_connections=200 -c hot_standby_feedback=on", "start"],
            ct);
        await standby.DetachAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        LogStarted(logger, port, dataDirectory, seconds);
        return ServerPid(dataDirectory) ?? 0;
    }

    /// <summary>Stops the server and leaves it down, as an outage would, until <see cref="StartAgainAsync"/>; clients' pools are left alone.</summary>
    public async Task StopForOutageAsync() =>
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);

    /// <summary>Starts the server stopped by <see cref="StopForOutageAsync"/> on the same port and data.</summary>
    public Task StartAgainAsync() => StartServerAsync(CancellationToken.None);

    /// <summary>Deletes a stopped cluster's data directory and the files beside it (password, key, owner).</summary>
    public static void DeleteFiles(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        foreach (var suffix in new[] { ".password", ".keys", ".owner" })
        {
            File.Delete(SideFile(dataDirectory, suffix));
        }
    }

    /// <summary>Restarts the server on the same port and data, as an operator's restart or a failover would, leaving clients' pools alone.</summary>
    public async Task RestartAsync() =>
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(DataDirectory, "postgres.log"), "restart"], CancellationToken.None);

    public async ValueTask DisposeAsync() => await StopAsync();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>As a hosted service it stops with the host, after everything registered later.</summary>
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => StopAsync();

    /// <summary>Creates the cluster unless it exists; returns whether it did.</summary>
    private async Task<bool> InitializeAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return false;
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

        // Trust here only until the first start: pg_hba.conf is rewritten before the server ever listens.
        await RunAsync("initdb", ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
        return true;
    }

    /// <summary>
    /// SCRAM passwords on loopback; trust only on the Unix socket, which lives inside the data directory (mode 0700), so
    /// only the account that runs the cluster (or root) reaches it. Written before every start, which also secures
    /// a cluster created by an older version with trust everywhere. Returns whether the file had to change.
    /// </summary>
    private async Task<bool> RequirePasswordsOnLoopbackAsync(CancellationToken ct)
    {
        const string rules = """
            # Written by the GID Sandbox before every start; edits are overwritten.
            # The socket is inside the data directory (mode 0700): only the cluster's own account reaches it.
            local all all trust
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            # A streaming replica on this machine (cluster up --replica) copies and follows the cluster as its superuser.
            host replication postgres 127.0.0.1/32 scram-sha-256

            """;
        var file = Path.Combine(DataDirectory, "pg_hba.conf");
        if (File.Exists(file) && await File.ReadAllTextAsync(file, ct) == rules)
        {
            return false;
        }

        await File.WriteAllTextAsync(file, rules, ct); // an existing file keeps its owner (postgres) and mode
        return true;
    }

    /// <summary>Gives the superuser and the application role the passwords in <see cref="PasswordFile"/>, over the socket.</summary>
    private async Task SetPasswordsAsync(CancellationToken ct)
    {
        var passwords = Passwords.ReadOrCreate(PasswordFile);
        var socket = new NpgsqlConnectionStringBuilder { Host = DataDirectory, Port = Port, Database = "postgres", Username = Superuser, Pooling = false };
        await using var connection = new NpgsqlConnection(socket.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            alter role {Superuser} password '{passwords.Superuser}';
            do $$ begin
              if not exists (select from pg_roles where rolname = '{ApplicationRole}') then
                create role {ApplicationRole} login nosuperuser nocreatedb nocreaterole noreplication;
              end if;
            end $$;
            alter role {ApplicationRole} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password '{passwords.Application}';
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
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
        await DatabaseMigrations.CreateExtensionsAsync(builder.ConnectionString, ct);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded PostgreSQL in {DataDirectory} now requires passwords on loopback (it trusted every local connection before); the passwords are in {PasswordFile}")]
    private static partial void LogSecured(ILogger logger, string dataDirectory, string passwordFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL on port {Port} stopped")]
    private static partial void LogStopped(ILogger logger, int port);
}
