-- wrk script of part (c): GETs of paths picked at random from $PATHS (one per line), with the token in $TOKEN.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local headers = {["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
math.randomseed(tonumber(os.getenv("SEED") or "1"))

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

dofile(os.getenv("SUMMARY"))
