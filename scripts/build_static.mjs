// Copy the front-end packages installed by `npm ci` into kerne/static/vendor.
// Only files the pages load are copied; the folder is rebuilt from scratch each time.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "kerne", "static", "vendor");
const nm = join(root, "node_modules");

const copies = [
  ["dkfds/dist/css", "dkfds/css"],
  ["dkfds/dist/js", "dkfds/js"],
  // The stylesheets reference every font format, and collectstatic checks each reference.
  ["dkfds/dist/fonts", "dkfds/fonts"],
  ["dkfds/dist/img", "dkfds/img"],
  ["dkfds/dist/LICENSE.md", "dkfds/LICENSE.md"],
  ["htmx.org/dist/htmx.min.js", "htmx/htmx.min.js"],
  ["htmx.org/LICENSE", "htmx/LICENSE"],
  ["axe-core/axe.min.js", "axe-core/axe.min.js"],
  ["axe-core/LICENSE", "axe-core/LICENSE"],
];

rmSync(out, { recursive: true, force: true });
for (const [from, to] of copies) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(nm, from), target, { recursive: true });
}
console.log(`Copied ${copies.length} front-end assets into ${out}`);
