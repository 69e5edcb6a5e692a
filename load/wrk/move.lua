-- Board drag and drop under wrk: each thread cycles over its own slice of appointments (lines
-- "id version" in MOVABLE, default movable.txt) and learns each one's new version from the answer,
-- so moves succeed instead of answering 409 for a stale version.
--   psql -AtF' ' -c "SELECT id, version FROM appointments WHERE deleted_at IS NULL AND status = 'SCHEDULED'
--                    AND starts_at > now() ORDER BY random() LIMIT 6000" > movable.txt
--   TOKEN=... wrk -t2 -c200 -d20s --latency -s load/wrk/move.lua http://localhost:8080
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end

function init(args)
  local all = {}
  for line in io.lines(os.getenv("MOVABLE") or "movable.txt") do
    local id, version = line:match("(%S+)%s+(%d+)")
    if id then table.insert(all, { id = id, version = tonumber(version) }) end
  end
  slice, versions, next_one = {}, {}, 0
  local parts = tonumber(os.getenv("THREADS") or "2")  -- the -t given to wrk
  for i, row in ipairs(all) do
    if i % parts == index % parts then
      table.insert(slice, row.id)
      versions[row.id] = row.version
    end
  end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }
  stale, moved = 0, 0
end

function request()
  next_one = next_one % #slice + 1
  local id = slice[next_one]
  return wrk.format("PATCH", "/api/admin/appointments/" .. id .. "/move", headers,
    string.format('{"status":"SCHEDULED","position":0,"version":%d}', versions[id]))
end

function response(status, headers, body)
  if status == 200 then
    moved = moved + 1
    local id = body:match('"id"%s*:%s*"([^"]+)"')
    local version = body:match('"version"%s*:%s*(%d+)')
    if id and version then versions[id] = tonumber(version) end
  else
    stale = stale + 1
  end
end
