using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Contracts;
using JobMatch.Testing;
using MassTransit;
using Notifications.Api.Notifications;

namespace Notifications.Tests.Integration;

/// <summary>
/// Interview invitations, moves and cancellations name the job, the employer, the time (China Standard Time) and the
/// place; the employer hears the seeker's answer; a contact request asks the seeker — each once however often delivered.
/// </summary>
public sealed class InterviewNoticesTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConsumedMessages _consumed = new();
    private ServiceFactory<NotificationStore> _factory = null!;
    private ConnectHandle? _observer;

    /// <summary>10:30 in Beijing.</summary>
    private static readonly DateTimeOffset At = new(2030, 5, 20, 2, 30, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        _factory = new ServiceFactory<NotificationStore>(servers, await servers.CreateVirtualHostAsync());
        using var _ = _factory.CreateClient();
        _observer = _factory.Bus.ConnectConsumeObserver(_consumed);
    }

    public async Task DisposeAsync()
    {
        _observer?.Disconnect();
        await _factory.DisposeAsync();
    }

    private async Task PublishAsync<T>(T message, int times = 1) where T : class
    {
        var id = NewId.NextGuid();
        for (var i = 0; i < times; i++) await _factory.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.GetAsync(() => Task.FromResult(_consumed.Finished(id)), count => count >= times, $"{times} deliveries of {typeof(T).Name} {id} consumed");
    }

    private async Task<List<NotificationResponse>> ListAsync(string token, string query = "")
    {
        using var client = _factory.ClientWithToken(token);
        return (await client.GetFromJsonAsync<List<NotificationResponse>>(new Uri("/api/notifications" + query, UriKind.Relative), Json))!;
    }

    [Fact]
    public async Task An_interview_invitation_names_the_job_the_employer_the_time_and_the_place_in_Chinese_and_English()
    {
        var seekerId = Guid.NewGuid();
        var applicationId = Guid.NewGuid();

        await PublishAsync(new InterviewScheduled(Guid.NewGuid(), applicationId, Guid.NewGuid(), seekerId, Guid.NewGuid(), "挤奶工", "呼和浩特乳业有限公司",
            At, "赛罕区大学东街 88 号", 1, DateTimeOffset.UtcNow), times: 2);

        var notice = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId)));
        Assert.Equal(NotificationKind.Interview, notice.Kind);
        Assert.Equal("您收到一个面试邀请", notice.Title);
        Assert.Equal("呼和浩特乳业有限公司邀请您参加“挤奶工”岗位的面试：2030-05-20 10:30（北京时间），地点：赛罕区大学东街 88 号。请在“我的申请”中接受或谢绝。", notice.Body);
        Assert.Equal(applicationId, notice.Data.GetProperty("applicationId").GetGuid());
        var english = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId), "?lang=en"));
        Assert.Equal(("You are invited to an interview",
            "呼和浩特乳业有限公司 invites you to an interview for \"挤奶工\" on 2030-05-20 10:30 (China Standard Time) at 赛罕区大学东街 88 号. Accept or decline it on your applications page."),
            (english.Title, english.Body));
    }

    [Fact]
    public async Task The_move_to_interview_is_not_told_twice_and_a_move_and_a_cancellation_are_each_told()
    {
        var seekerId = Guid.NewGuid();
        var applicationId = Guid.NewGuid();
        var postingId = Guid.NewGuid();

        await PublishAsync(new ApplicationStatusChanged(applicationId, postingId, seekerId, "submitted", "interview", null, DateTimeOffset.UtcNow, WithInterview: true));
        await PublishAsync(new InterviewScheduled(Guid.NewGuid(), applicationId, postingId, seekerId, Guid.NewGuid(), "挤奶工", null, At, "赛罕区", 2, DateTimeOffset.UtcNow));
        await PublishAsync(new InterviewCancelled(Guid.NewGuid(), applicationId, postingId, seekerId, "挤奶工", "呼和浩特乳业有限公司", At, DateTimeOffset.UtcNow));

        var notices = await ListAsync(TestTokens.Seeker(seekerId));
        Assert.Equal(["您的面试已取消", "您的面试时间或地点有变"], notices.Select(n => n.Title).Order(StringComparer.Ordinal));
        Assert.Contains(notices, n => n.Body == "呼和浩特乳业有限公司取消了“挤奶工”岗位2030-05-20 10:30（北京时间）的面试。");
        Assert.Contains(notices, n => n.Body.StartsWith("用人单位邀请您参加“挤奶工”岗位的面试", StringComparison.Ordinal));
        Assert.All(notices, n => Assert.Equal(NotificationKind.Interview, n.Kind));
    }

    [Fact]
    public async Task The_employer_hears_the_answer_and_the_seeker_hears_a_contact_request()
    {
        var employerId = Guid.NewGuid();
        var seekerId = Guid.NewGuid();
        var postingId = Guid.NewGuid();

        await PublishAsync(new InterviewAnswered(Guid.NewGuid(), Guid.NewGuid(), postingId, employerId, "挤奶工", At, 1, Accepted: false, DateTimeOffset.UtcNow));
        await PublishAsync(new ContactRequested(Guid.NewGuid(), postingId, seekerId, employerId, "挤奶工", "呼和浩特乳业有限公司", DateTimeOffset.UtcNow));

        var answer = Assert.Single(await ListAsync(TestTokens.Employer(Guid.NewGuid(), employerId), "?lang=en"));
        Assert.Equal((NotificationKind.InterviewAnswer, "An applicant declined the interview"), (answer.Kind, answer.Title));
        var request = Assert.Single(await ListAsync(TestTokens.Seeker(seekerId)));
        Assert.Equal((NotificationKind.ContactRequest, "用人单位请求获取您的联系方式"), (request.Kind, request.Title));
        Assert.Equal("呼和浩特乳业有限公司希望获取您申请“挤奶工”岗位时的姓名和电话，请在“我的申请”中同意或拒绝。", request.Body);
        Assert.Empty(await ListAsync(TestTokens.Employer(Guid.NewGuid(), Guid.NewGuid())));
    }
}
