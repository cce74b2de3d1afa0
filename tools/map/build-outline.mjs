// Converts Vietnam's outline from Natural Earth (npm package world-atlas, countries-50m.json, TopoJSON) into the
// small vendored file templates/assets/map/vietnam-outline.json that the C# map builder reads.
// Run ONCE when the data should change; the atlas build itself never needs npm or the network.
//
//   mkdir -p /tmp/vn-map && cd /tmp/vn-map && npm init -y && npm install world-atlas@2.0.2 topojson-client@3.1.0
//   node tools/map/build-outline.mjs /tmp/vn-map/node_modules templates/assets/map/vietnam-outline.json
//
// Projection: equirectangular, x scaled by cos(15.5°) (the map's middle latitude) so shapes are not stretched.
// The archipelagos' islands are not in Natural Earth's Vietnam feature; their positions are listed below
// (representative features, degrees WGS84) and drawn by the C# builder as Vietnamese territory.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error("usage: node build-outline.mjs <node_modules dir> <output json>");
  process.exit(2);
}
const require = createRequire(resolve(modules) + "/");
const { feature } = require("topojson-client");
const worldAtlasVersion = JSON.parse(readFileSync(join(modules, "world-atlas", "package.json"), "utf8")).version;
const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json"), "utf8"));

const projection = { lonMin: 102.0, lonMax: 117.0, latMin: 7.3, latMax: 23.6, ky: 40 };
projection.kx = round(projection.ky * Math.cos((15.5 * Math.PI) / 180), 4);
const width = round((projection.lonMax - projection.lonMin) * projection.kx, 1);
const height = round((projection.latMax - projection.latMin) * projection.ky, 1);
const project = ([lon, lat]) => [(lon - projection.lonMin) * projection.kx, (projection.latMax - lat) * projection.ky];

const countries = feature(topology, topology.objects.countries);
const vietnam = countries.features.find((f) => String(f.id) === "704");
if (!vietnam) throw new Error("Vietnam (id 704) not found in countries-50m.json");
const polygons = vietnam.geometry.type === "Polygon" ? [vietnam.geometry.coordinates] : vietnam.geometry.coordinates;

const tolerance = 0.35; // viewBox units (~1 km): invisible at any sensible display size
const parts = [];
for (const polygon of polygons) {
  for (const ring of polygon) {
    const points = simplify(ring.map(project), tolerance).map(([x, y]) => [round(x, 1), round(y, 1)]);
    const deduped = points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
    if (deduped.length < 4 || Math.abs(area(deduped)) < 0.5) continue; // drop rocks smaller than a dot
    parts.push("M" + deduped.slice(0, -1).map(([x, y]) => `${x} ${y}`).join("L") + "Z");
  }
}

const archipelagos = [
  {
    id: "hoang-sa",
    islands: [
      [16.83, 112.34], [16.98, 112.26], [16.67, 112.73], [16.53, 111.61], [16.45, 111.71],
      [16.57, 111.71], [16.05, 111.77], [15.78, 111.2], [16.95, 112.32], [16.47, 111.5],
    ],
  },
  {
    id: "truong-sa",
    islands: [
      [11.43, 114.33], [11.45, 114.3], [11.05, 114.28], [10.68, 114.42], [10.38, 114.48], [10.38, 114.36],
      [10.18, 114.36], [9.88, 114.33], [10.05, 113.85], [8.97, 113.69], [8.85, 114.65], [8.64, 111.92],
      [8.85, 112.22], [8.82, 112.58], [8.18, 113.3], [7.89, 112.92], [9.3, 113.0], [9.7, 114.6],
    ],
  },
];

const result = {
  source: `Natural Earth 1:50m admin-0 countries via npm world-atlas@${worldAtlasVersion} (countries-50m.json, id 704); public domain`,
  generator: "tools/map/build-outline.mjs",
  projection: { ...projection, width, height },
  outline: parts.join(""),
  archipelagos,
};
writeFileSync(out, JSON.stringify(result, null, 1) + "\n");
console.log(`${out}: ${parts.length} rings, ${result.outline.length} characters of path`);

function round(v, digits) {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
function area(points) {
  let s = 0;
  for (let i = 0; i < points.length - 1; i++) s += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
  return s / 2;
}
// Douglas-Peucker on an open or closed polyline.
function simplify(points, eps) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let max = 0, index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distance(points[i], points[a], points[b]);
      if (d > max) { max = d; index = i; }
    }
    if (max > eps && index > 0) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}
function distance([x, y], [x1, y1], [x2, y2]) {
  const dx = x2 - x1, dy = y2 - y1;
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(x - x1, y - y1);
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}
