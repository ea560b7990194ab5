-- Adds the bearer token from $TOKEN (if any) to every request of a wrk run.
local token = os.getenv("TOKEN")
if token and #token > 0 then
  wrk.headers["Authorization"] = "Bearer " .. token
end
