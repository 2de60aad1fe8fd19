-- wrk script of part (b): bulk POSTs of the annotations in $BODY, one report after another from the paths in
-- $PATHS (…/commits/{commit}/reports/{key}/annotations, one per line), so consecutive requests write different
-- reports and no report grows much. "@N@" in the body becomes "$INSTANCE-<request number>": every request posts
-- new external ids. Run with one thread (-t1), whose request counter numbers the requests.
local file = assert(io.open(os.getenv("BODY"), "r"))
local template = file:read("*a")
file:close()
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local instance = os.getenv("INSTANCE")
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
local counter = 0

function request()
  counter = counter + 1
  local body = template:gsub("@N@", instance .. "-" .. counter)
  return wrk.format("POST", paths[counter % #paths + 1], headers, body)
end

dofile(os.getenv("SUMMARY"))
