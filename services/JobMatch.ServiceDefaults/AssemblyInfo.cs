[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("JobMatch.ServiceDefaults.Tests")]
