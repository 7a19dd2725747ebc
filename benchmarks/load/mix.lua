-- A mix of public pages, searches and (when present) API calls, for wrk. Each request picks the next path.
local paths = {
  "/", "/members", "/members/palau", "/observers", "/meetings",
  "/meetings/eighth-ministerial-conference-2023", "/working-groups", "/timeline", "/statements",
  "/statements/eighth-ministerial-conference-2023-co-chairs-statement", "/themes", "/sources",
  "/search?q=trafficking", "/search?q=follow+the+money", "/search?q=victims&theme=victim-protection",
}
local extra = os.getenv("MIX_EXTRA_PATHS")
if extra and #extra > 0 then
  for p in string.gmatch(extra, "[^,]+") do paths[#paths + 1] = p end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

dofile(os.getenv("REPORT_LUA"))
