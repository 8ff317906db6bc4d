-- wrk script: POST /s/{id}/download as the landing page's form does (double-submit CSRF cookie + field).
-- Usage: wrk -t2 -c32 -d20s -s gateway-download.lua http://127.0.0.1:8080/s/ID/download
local token = string.rep("t", 43)
wrk.method = "POST"
wrk.body = "csrf=" .. token
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "linkdesk_csrf=" .. token
wrk.headers["User-Agent"] = "wrk-bench"

local codes = {}
response = function(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
