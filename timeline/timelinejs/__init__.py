"""TimelineJS in and out: a newsroom's TimelineJS sheet becomes rows of events.csv, and
events.csv becomes the JSON TimelineJS reads, so it can keep editing here and publish there.

- `markup`: the HTML of a sheet's cells as plain text, and the http(s) links it names (pure).
- `sheet`: a TimelineJS sheet (CSV bytes) read into entries, one account each: its columns,
  its dates, the ids made from headlines, and its problems by sheet row (pure: writes no file).
- `importer`: the sheet appended to events.csv with `editing.append_rows`, the same checked,
  locked append as `add` (the only module here that writes a file).
- `export`: a loaded events file as the JSON TimelineJS reads (pure).

This file imports none of them: the web page's export (timeline/view/export.py) imports
`timeline.timelinejs.export` alone, without the file-writing code and its lock.
"""
