-- The end of every wrk run of this benchmark (loaded by get.lua and post.lua from $SUMMARY): one "summary" line with
-- the counts and latencies results.py reads.
function done(summary, latency, requests)
  io.write(string.format("summary requests=%d duration_us=%d status_errors=%d timeouts=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end
