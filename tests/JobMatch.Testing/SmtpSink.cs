using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace JobMatch.Testing;

/// <summary>
/// An SMTP server for tests: speaks enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for a real
/// SMTP client to deliver to it, and keeps what arrives. Recipients listed in <see cref="Refused"/> get 550.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();

    public SmtpSink()
    {
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    /// <summary>Connections accepted so far (to see a client reuse one).</summary>
    public int Connections => _connections;
    private int _connections;
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                Interlocked.Increment(ref _connections);
                _ = Task.Run(() => ServeAsync(client));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                // Replies are single small lines: without this, Nagle and delayed ACKs add ~40 ms to each exchange.
                client.NoDelay = true;
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 jobmatch-test-smtp ready");
                string? from = null;
                var to = new List<string>();
                while (await reader.ReadLineAsync() is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-jobmatch-test-smtp");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "HELO":
                        case "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RSET":
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL":
                            from = Address(line);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            var recipient = Address(line);
                            if (Refused.ContainsKey(recipient))
                            {
                                await writer.WriteLineAsync("550 5.1.1 mailbox unavailable");
                                break;
                            }
                            to.Add(recipient);
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            Received.Enqueue(new ReceivedMail(from ?? "", [.. to], data.ToString()));
                            // The mail transaction ends with its data (RFC 5321 4.1.1.4): a reused connection starts afresh.
                            from = null;
                            to.Clear();
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 command not implemented");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _stopping.Dispose();
    }
}

/// <summary>One message as it arrived: envelope sender, recipients and the raw message (headers and body).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    /// <summary>The subject, decoded from RFC 2047 encoded words (UTF-8, base64 or Q) as .NET's client writes them.</summary>
    public string Subject => DecodeEncodedWords(Header("Subject"));

    /// <summary>The body text, decoded from base64 or quoted-printable as the message says.</summary>
    public string Body
    {
        get
        {
            var split = Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var body = split < 0 ? "" : Raw[(split + 4)..].Trim();
            var encoding = Header("Content-Transfer-Encoding").Trim().ToLowerInvariant();
            return encoding switch
            {
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split("\r\n")))),
                "quoted-printable" => QuotedPrintable(body.Replace("=\r\n", "", StringComparison.Ordinal)),
                _ => body,
            };
        }
    }

    private static string DecodeEncodedWords(string value) =>
        System.Text.RegularExpressions.Regex.Replace(value, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*", match =>
        {
            var charset = Encoding.GetEncoding(match.Groups[1].Value);
            var text = match.Groups[3].Value;
            return match.Groups[2].Value is "B" or "b"
                ? charset.GetString(Convert.FromBase64String(text))
                : QuotedPrintable(text.Replace('_', ' '), charset);
        });

    private static string QuotedPrintable(string text, Encoding? charset = null)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return (charset ?? Encoding.UTF8).GetString(bytes.ToArray());
    }

    private string Header(string name)
    {
        var lines = Raw.Split("\r\n").Select(l => l.TrimEnd('\r')).ToList();
        var index = lines.FindIndex(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        if (index < 0) return "";
        var value = new StringBuilder(lines[index][(name.Length + 1)..].Trim());
        for (var i = index + 1; i < lines.Count && lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]); i++) value.Append(lines[i].Trim());
        return value.ToString();
    }
}
