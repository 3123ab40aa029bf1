namespace JobPostings.Api.Applications;

/// <summary>The application's answer record (JobMatch.Contracts.Responses, shared with the portal) made from what is stored.</summary>
public static class ApplicationResponses
{
    extension(ApplicationResponse)
    {
        public static ApplicationResponse From(Application application, InterviewResponse? interview = null) => new(
            application.Id, application.PostingId, application.PostingTitle, application.SeekerId, application.State, application.Reason,
            application.CoverNote, application.CreatedAt, application.UpdatedAt, application.EmployerName, application.ContactRequestState, interview);
    }
}
