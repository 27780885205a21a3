namespace GidSandbox.Hosting;

/// <summary>
/// The database cannot be set up as it is, for a reason an operator can fix; the message says how. The sandbox
/// prints it and exits, with no stack trace.
/// </summary>
public sealed class SetupRefusedException(string message) : Exception(message);
