-- wrk reporter: one line with throughput and the percentiles JobMatch reports (p50, p95, p99), in milliseconds.
-- A request body, method and content type come from the environment (WRK_METHOD, WRK_BODY), for write journeys.
wrk.method = os.getenv("WRK_METHOD") or "GET"
wrk.body = os.getenv("WRK_BODY")
if wrk.body then wrk.headers["Content-Type"] = "application/json" end
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("WRK_TOKEN") or "")

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local non2xx = summary.errors.status
    io.write(string.format("RESULT %.1f req/s | p50 %.1f ms | p95 %.1f ms | p99 %.1f ms | %d requests | %d non-2xx | %d socket errors\n",
        summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        summary.requests, non2xx, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
