using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Web.Bandwidth;

/// <summary>
/// JSON-RPC 2.0 as the SDK's <c>rpc-websockets</c> client speaks it: one JSON object per text frame; calls carry an
/// id and want <c>{jsonrpc, result|error, id}</c>; id-less messages are notifications. Server events are sent as
/// standard notifications <c>{jsonrpc, method, params}</c>, which the client emits under the method's name.
/// Batches are not used by the client and are refused.
/// </summary>
public static class JsonRpcFraming
{
    public static JsonRpcParseResult Parse(string text)
    {
        try
        {
            return ParseFrame(text);
        }
        catch (InvalidOperationException)
        {
            // JSON lets a \u escape name half of a surrogate pair (RFC 8259 §8.2), but System.Text.Json throws when it
            // turns such a member name or string into UTF-16. Found by the jsonrpc fuzz harness (tests/ContactCenter.Fuzz).
            return Fail(JsonRpcErrorCodes.InvalidRequest, "Invalid request: a string holds an unpaired surrogate escape.", null);
        }
    }

    private static JsonRpcParseResult ParseFrame(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return Fail(JsonRpcErrorCodes.ParseError, "Parse error: " + ex.Message, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(JsonRpcErrorCodes.InvalidRequest, "Invalid request: expected one JSON object.", null);
            }

            JsonElement? id = null;
            if (root.TryGetProperty("id", out var idElement))
            {
                if (idElement.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.Null))
                {
                    return Fail(JsonRpcErrorCodes.InvalidRequest, "Invalid request: id must be a number or a string.", null);
                }

                id = idElement.Clone();
            }

            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                return Fail(JsonRpcErrorCodes.InvalidRequest, "Invalid request: jsonrpc must be \"2.0\".", id);
            }

            if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String
                || !TryGetString(method, out var methodName) || string.IsNullOrEmpty(methodName))
            {
                return Fail(JsonRpcErrorCodes.InvalidRequest, "Invalid request: method must be a non-empty string of valid Unicode.", id);
            }

            var parameters = default(JsonElement);
            if (root.TryGetProperty("params", out var p))
            {
                if (p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                {
                    return Fail(JsonRpcErrorCodes.InvalidParams, "Invalid params: params must be an object or an array.", id);
                }

                if (!AllStringsValid(p, depth: 0))
                {
                    return Fail(JsonRpcErrorCodes.InvalidParams, "Invalid params: a string is not valid Unicode (a lone surrogate escape).", id);
                }

                parameters = p.Clone();
            }

            return new JsonRpcParseResult(new JsonRpcRequest(methodName, parameters, id), null, null);
        }
    }

    public static string Result(JsonElement id, JsonNode? result) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["result"] = result ?? new JsonObject(),
        ["id"] = JsonNode.Parse(id.GetRawText()),
    }.ToJsonString();

    /// <summary>An error reply; <paramref name="id"/> is null when the request's id could not be read.</summary>
    public static string Error(JsonElement? id, JsonRpcError error) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["error"] = new JsonObject { ["code"] = error.Code, ["message"] = error.Message },
        ["id"] = id is { } value ? JsonNode.Parse(value.GetRawText()) : null,
    }.ToJsonString();

    public static string Notification(string method, JsonNode parameters) => new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["method"] = method,
        ["params"] = parameters,
    }.ToJsonString();

    /// <summary>
    /// JSON may escape a lone UTF-16 surrogate (<c>"\ud800"</c>), which parses but cannot become a .NET string
    /// (<see cref="JsonElement.GetString"/> throws). Such text is refused here, once, so no handler meets it.
    /// </summary>
    private static bool TryGetString(JsonElement element, out string value)
    {
        try
        {
            value = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static bool AllStringsValid(JsonElement element, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryGetString(element, out _);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!AllStringsValid(item, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return false;
                    }

                    if (name.Length > 0 && !AllStringsValid(property.Value, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static JsonRpcParseResult Fail(int code, string message, JsonElement? id) => new(null, new JsonRpcError(code, message), id);
}
