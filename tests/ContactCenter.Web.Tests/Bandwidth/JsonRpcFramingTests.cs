using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Web.Bandwidth;

namespace ContactCenter.Web.Tests.Bandwidth;

public sealed class JsonRpcFramingTests
{
    [Fact]
    public void Parse_MalformedJson_IsParseError()
    {
        var result = JsonRpcFraming.Parse("{\"jsonrpc\":\"2.0\",");

        Assert.Null(result.Request);
        Assert.Equal(JsonRpcErrorCodes.ParseError, result.Error!.Code);
        Assert.Null(result.ErrorId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"method\":\"ping\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"method\":\"ping\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"\",\"id\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":{}}")]
    public void Parse_NotARequest_IsInvalidRequest(string text)
    {
        var result = JsonRpcFraming.Parse(text);

        Assert.Null(result.Request);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, result.Error!.Code);
    }

    // Inputs the jsonrpc fuzz harness found: an unpaired surrogate escape in a value (jsonrpc, method) or in a member
    // name made System.Text.Json throw out of Parse, which the WebSocket loop does not expect.
    [Theory]
    [InlineData("{\"jsonrpc\":\"2\\ude00.0\",\"metSod\":\"ping\",\"id\":null}")]
    [InlineData("{\"jso\\ude00nrnullpc\":\"2.0\",\"method\":\"ping\",\"id\":null}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"[in\\ud83dg\",\"id\":null}")]
    [InlineData("{\"\\ud83djsonrpc\":\"2.0\",\"cekhoy\":null}")]
    public void Parse_UnpairedSurrogateEscape_IsInvalidRequest(string text)
    {
        var result = JsonRpcFraming.Parse(text);

        Assert.Null(result.Request);
        Assert.Equal(JsonRpcErrorCodes.InvalidRequest, result.Error!.Code);
    }

    [Fact]
    public void Parse_InvalidRequestWithId_KeepsTheIdForTheReply()
    {
        var result = JsonRpcFraming.Parse("{\"jsonrpc\":\"2.0\",\"id\":7}");

        Assert.Equal(7, result.ErrorId!.Value.GetInt32());
    }

    [Fact]
    public void Parse_ScalarParams_IsInvalidParams()
    {
        var result = JsonRpcFraming.Parse("{\"jsonrpc\":\"2.0\",\"method\":\"offerSdp\",\"params\":\"v=0\",\"id\":3}");

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, result.Error!.Code);
        Assert.Equal(3, result.ErrorId!.Value.GetInt32());
    }

    [Fact]
    public void Parse_Call_HasMethodParamsAndId()
    {
        var result = JsonRpcFraming.Parse("{\"jsonrpc\":\"2.0\",\"method\":\"answerSdp\",\"params\":{\"sdpAnswer\":\"v=0\"},\"id\":12}");

        var request = Assert.IsType<JsonRpcRequest>(result.Request);
        Assert.Equal("answerSdp", request.Method);
        Assert.Equal("v=0", request.Params.GetProperty("sdpAnswer").GetString());
        Assert.Equal(12, request.Id!.Value.GetInt32());
        Assert.False(request.IsNotification);
    }

    [Fact]
    public void Parse_MissingId_IsNotification()
    {
        var result = JsonRpcFraming.Parse("{\"jsonrpc\":\"2.0\",\"method\":\"leave\"}");

        var request = Assert.IsType<JsonRpcRequest>(result.Request);
        Assert.True(request.IsNotification);
        Assert.Equal(JsonValueKind.Undefined, request.Params.ValueKind);
    }

    [Fact]
    public void Result_StringId_EchoesTheIdAndTheResult()
    {
        using var id = JsonDocument.Parse("\"abc\"");

        var json = JsonNode.Parse(JsonRpcFraming.Result(id.RootElement, new JsonObject { ["x"] = 1 }))!;

        Assert.Equal("2.0", (string)json["jsonrpc"]!);
        Assert.Equal("abc", (string)json["id"]!);
        Assert.Equal(1, (int)json["result"]!["x"]!);
        Assert.Null(json["error"]);
    }

    [Fact]
    public void Result_NullResult_IsAnEmptyObject()
    {
        using var id = JsonDocument.Parse("5");

        var json = JsonNode.Parse(JsonRpcFraming.Result(id.RootElement, null))!;

        Assert.Empty(json["result"]!.AsObject());
    }

    [Fact]
    public void Error_UnknownId_HasNullIdAndTheCode()
    {
        var json = JsonNode.Parse(JsonRpcFraming.Error(null, new JsonRpcError(JsonRpcErrorCodes.ParseError, "bad")))!;

        Assert.True(json.AsObject().ContainsKey("id"));
        Assert.Null(json["id"]);
        Assert.Equal(JsonRpcErrorCodes.ParseError, (int)json["error"]!["code"]!);
        Assert.Equal("bad", (string)json["error"]!["message"]!);
    }

    [Fact]
    public void Notification_SdpOffer_IsAStandardNotificationTheClientEmitsByMethod()
    {
        var json = JsonNode.Parse(JsonRpcFraming.Notification("sdpOffer", new JsonObject { ["sdpRevision"] = 2 }))!;

        Assert.Equal("2.0", (string)json["jsonrpc"]!);
        Assert.Equal("sdpOffer", (string)json["method"]!);
        Assert.Equal(2, (int)json["params"]!["sdpRevision"]!);
        Assert.False(json.AsObject().ContainsKey("id"));
    }
}
