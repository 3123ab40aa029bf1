namespace Matching.Ranking;

/// <summary>XGBoost's native library refused a call; the message is XGBGetLastError's.</summary>
public sealed class XGBoostException : InvalidOperationException
{
    public XGBoostException() { }

    public XGBoostException(string message) : base(message) { }

    public XGBoostException(string message, Exception innerException) : base(message, innerException) { }
}
