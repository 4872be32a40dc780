using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ContactCenter.Core.Rules;
using ContactCenter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static ContactCenter.Web.Tests.Infrastructure.ApiClient;

namespace ContactCenter.Web.Tests.Api;

/// <summary>What one REST request can make the server hold: body size, and counts inside a subscriptions body.</summary>
public sealed class RequestLimitsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const int TwoMegabytes = 2 * 1024 * 1024;
    private readonly HttpClient _client = fixture.Factory.CreateDemoClient();

    [Fact]
    public async Task CreateSession_2MBBody_Returns413WithErrorBody()
    {
        var json = "{\"tag\":\"" + new string('x', TwoMegabytes) + "\"}";

        var response = await _client.PostAsync($"{Base()}/sessions", Json(json));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "too large");
    }

    [Fact]
    public async Task CreateSession_2MBChunkedBody_Returns413AndTheAppStopsReadingAtTheLimit()
    {
        var read = new BodyReadCounter();
        await using var counted = fixture.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(read)));
        using var client = counted.CreateClient();
        client.DefaultRequestHeaders.Authorization = _client.DefaultRequestHeaders.Authorization;
        // Whitespace: a JSON reader keeps reading it, looking for the value.
        var body = new byte[TwoMegabytes];
        body.AsSpan().Fill((byte)' ');
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{Base()}/sessions") { Content = content, Headers = { TransferEncodingChunked = true } });

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "at most 65536 bytes");
        // The application pulled little more than the 64 KB it allows: nothing near 2 MB was read, let alone held.
        Assert.InRange(read.Bytes, 1, 256 * 1024);
    }

    [Fact]
    public async Task ReplaceSubscriptions_400000Aliases_RefusedByTheBodyLimit()
    {
        var (session, member, other) = await SessionWithTwoMembersAsync(_client);

        var response = await _client.PutAsync($"{Base()}/sessions/{session}/participants/{member}/subscriptions", Json(ManyAliases(other, 400_000)));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ReplaceSubscriptions_400000AliasesUnderARaisedBodyLimit_Returns400NamingTheCap()
    {
        await using var raised = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Limits:RestBodyBytes", (16 * 1024 * 1024).ToString()));
        using var client = raised.CreateClient();
        client.DefaultRequestHeaders.Authorization = _client.DefaultRequestHeaders.Authorization;
        var (session, member, other) = await SessionWithTwoMembersAsync(client);

        var response = await client.PutAsync($"{Base()}/sessions/{session}/participants/{member}/subscriptions", Json(ManyAliases(other, 400_000)));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"at most {CallRules.MaxStreamAliasesPerParticipant} stream aliases");
    }

    [Fact]
    public async Task ReplaceSubscriptions_AliasTooLong_Returns400()
    {
        var (session, member, other) = await SessionWithTwoMembersAsync(_client);
        var alias = new string('a', CallRules.MaxStreamAliasLength + 1);

        var response = await _client.PutAsync(
            $"{Base()}/sessions/{session}/participants/{member}/subscriptions",
            Json($$"""{"participants":[{"participantId":"{{other}}","streamAliases":["{{alias}}"]}]}"""));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, $"at most {CallRules.MaxStreamAliasLength} characters");
    }

    [Fact]
    public async Task ReplaceSubscriptions_AnotherAccountsParticipant_AnsweredAsANonexistentOne()
    {
        var (session, member, _) = await SessionWithTwoMembersAsync(_client);
        using var other = fixture.Factory.CreateClientFor(ApiFixture.OtherUser, ApiFixture.OtherPassword);
        var (foreign, _) = await other.CreateParticipantAsync(account: ApiFixture.OtherAccount);
        var missing = Guid.NewGuid().ToString();
        var url = $"{Base()}/sessions/{session}/participants/{member}/subscriptions";

        var foreignResponse = await _client.PutAsync(url, Json($$"""{"participants":[{"participantId":"{{foreign}}"}]}"""));
        var missingResponse = await _client.PutAsync(url, Json($$"""{"participants":[{"participantId":"{{missing}}"}]}"""));

        var foreignError = await foreignResponse.AssertErrorAsync(HttpStatusCode.BadRequest);
        var missingError = await missingResponse.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(missingError.Replace(missing, "ID", StringComparison.Ordinal), foreignError.Replace(foreign, "ID", StringComparison.Ordinal));
    }

    private static async Task<(string Session, string Member, string Other)> SessionWithTwoMembersAsync(HttpClient client)
    {
        var session = await client.CreateSessionAsync();
        var (member, _) = await client.CreateParticipantAsync();
        var (other, _) = await client.CreateParticipantAsync();
        await client.AddToSessionAsync(session, member);
        await client.AddToSessionAsync(session, other);
        return (session, member, other);
    }

    private static string ManyAliases(string participantId, int count)
    {
        var json = new StringBuilder("{\"participants\":[{\"participantId\":\"").Append(participantId).Append("\",\"streamAliases\":[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i == 0 ? "\"a" : ",\"a").Append(i).Append('"');
        }

        return json.Append("]}]}").ToString();
    }

    /// <summary>Counts the request body bytes the application reads (wraps the body before any other middleware).</summary>
    private sealed class BodyReadCounter : IStartupFilter
    {
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Request.Body = new CountingStream(context.Request.Body, this);
                return nextMiddleware(context);
            });
            next(app);
        };

        private sealed class CountingStream(Stream inner, BodyReadCounter counter) : Stream
        {
            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => counter.Bytes; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count) => Add(inner.Read(buffer, offset, count));

            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
                Add(await inner.ReadAsync(buffer, cancellationToken));

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            private int Add(int read)
            {
                Interlocked.Add(ref counter._bytes, read);
                return read;
            }
        }
    }
}
