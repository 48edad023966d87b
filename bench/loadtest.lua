-- wrk script for bench/loadtest.py, which puts `paths = {{kind, path}, ...}` above.
-- Every request takes the next path of the mix; every answer that is not 2xx is
-- counted (wrk itself counts only 4xx/5xx); done() prints one JSON line.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = 0
  non2xx = 0
  statuses = {}
  sent = {}
  for _, row in ipairs(paths) do sent[row[1]] = 0 end
end

function request()
  i = i % #paths + 1
  local row = paths[i]
  sent[row[1]] = sent[row[1]] + 1
  return wrk.format("GET", row[2])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
  statuses[status] = (statuses[status] or 0) + 1
end

local function object(tbl)
  local parts = {}
  for k, v in pairs(tbl) do
    table.insert(parts, string.format('"%s": %d', tostring(k), v))
  end
  table.sort(parts)
  return "{" .. table.concat(parts, ", ") .. "}"
end

function done(summary, latency, requests)
  local bad, codes, kinds = 0, {}, {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    for k, v in pairs(thread:get("statuses")) do codes[k] = (codes[k] or 0) + v end
    for k, v in pairs(thread:get("sent")) do kinds[k] = (kinds[k] or 0) + v end
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "non_2xx": %d, "statuses": %s, "sent_by_kind": %s, '
    .. '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, '
    .. '"latency_ms": {"p50": %.1f, "p90": %.1f, "p99": %.1f, "p99_9": %.1f, '
    .. '"mean": %.1f, "max": %.1f}}\n',
    summary.requests, summary.duration, bad, object(codes), object(kinds),
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.mean / 1000, latency.max / 1000))
end
