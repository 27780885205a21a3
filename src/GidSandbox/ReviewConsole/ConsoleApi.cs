using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GidSandbox.GraphQL;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace GidSandbox.ReviewConsole;

/// <summary>An error the API answered with, as the console shows it.</summary>
public sealed record ApiError(string Code, string Message);

/// <summary>The API's answer: data, and errors other than those that end the page (session, Terms, suspension).</summary>
public sealed record ApiAnswer(JsonObject Data, IReadOnlyList<ApiError> Errors)
{
    public bool Failed => Errors.Count > 0;

    /// <summary>A field of the data, read into the record a page renders.</summary>
    public T? Read<T>(string field) => Data[field].Read<T>();
}

/// <summary>
/// The console's only way to the registry: POST /graphql with the signed-in user's access token,
/// over the same back channel the sign-in uses.
/// </summary>
public static class ConsoleApi
{
    public sealed class SessionEndedException(string message) : Exception(message);

    public sealed class TermsNotAcceptedException(string message) : Exception(message);

    public sealed class OfficeSuspendedException(string message) : Exception(message);

    public static async Task<ApiAnswer> Send(HttpContext http, string query, object? variables = null, bool termsExempt = false)
    {
        var (backchannel, request) = Authorized(http, HttpMethod.Post, "graphql");
        using var _ = request;
        request.Content = JsonContent.Create(new { query, variables });
        request.Headers.Accept.ParseAdd(GraphQLHttpEndpoint.GraphQLResponseJson);
        using var response = await backchannel.SendAsync(request, http.RequestAborted);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SessionEndedException("The API no longer accepts this session's access token.");
        }

        ThrowIfUnavailable(response);

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(http.RequestAborted)
            ?? throw new InvalidOperationException($"The API answered {(int)response.StatusCode} without a body.");
        var errors = ErrorsOf(body);
        if (errors.FirstOrDefault(e => e.Code == ErrorCodes.OfficeSuspended) is { } suspended)
        {
            throw new OfficeSuspendedException(suspended.Message);
        }

        if (!termsExempt && errors.FirstOrDefault(e => e.Code == ErrorCodes.TermsNotAccepted) is { } terms)
        {
            throw new TermsNotAcceptedException(terms.Message);
        }

        return new ApiAnswer(body["data"] as JsonObject ?? [], errors);
    }

    /// <summary>
    /// GETs one of the API's HTTP endpoints other than GraphQL (e.g. an export) with the user's
    /// token, answering as soon as the headers arrive so the body can be streamed on.
    /// </summary>
    public static async Task<HttpResponseMessage> Get(HttpContext http, string relativeUri)
    {
        var (backchannel, request) = Authorized(http, HttpMethod.Get, relativeUri);
        using var _ = request;
        var response = await backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            response.Dispose();
            throw new SessionEndedException("The API no longer accepts this session's access token.");
        }

        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            response.Dispose();
            ThrowIfUnavailable(response);
        }

        return response;
    }

    /// <summary>The API's database is away: the console answers with its own 503 page (<see cref="Hosting.Availability"/>).</summary>
    private static void ThrowIfUnavailable(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            throw new Hosting.DatabaseUnavailableException("The API answered 503: its database is briefly unavailable.");
        }
    }

    /// <summary>The errors of a GraphQL-shaped error body, as non-GraphQL endpoints of the API answer.</summary>
    public static async Task<IReadOnlyList<ApiError>> Errors(HttpResponseMessage response, CancellationToken ct)
    {
        var errors = ErrorsOf(await response.Content.ReadFromJsonAsync<JsonObject>(ct));
        return errors.Count > 0 ? errors : [new ApiError("ERROR", $"The API answered {(int)response.StatusCode}.")];
    }

    /// <summary>An entry of a GraphQL response's <c>errors</c>.</summary>
    private sealed record ErrorEntry(string? Message, ErrorExtensions? Extensions);

    private sealed record ErrorExtensions(string? Code);

    private static List<ApiError> ErrorsOf(JsonObject? body) =>
        [.. (body?["errors"].Read<List<ErrorEntry?>>() ?? []).Select(e => new ApiError(e?.Extensions?.Code ?? "ERROR", e?.Message ?? ""))];

    private static (HttpClient Backchannel, HttpRequestMessage Request) Authorized(HttpContext http, HttpMethod method, string relativeUri)
    {
        var oidc = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleRegistration.SignInScheme);
        var request = new HttpRequestMessage(method, new Uri(new Uri(oidc.Authority!), relativeUri));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleSession.Of(http).AccessToken);
        request.Headers.Add("X-Correlation-Id", http.TraceIdentifier);
        return (oidc.Backchannel, request);
    }
}
