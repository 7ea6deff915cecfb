// Lints e-mail HTML with caniemail's data (@jsx-email/doiuse-email) for the clients that
// drop the most: Gmail and Outlook. Usage: node email-lint.mjs FILE.html…
// Prints one JSON object: for each file, every unsupported feature/client pair.
import { readFileSync } from 'node:fs';
import { doIUseEmail } from '@jsx-email/doiuse-email';

const CLIENTS = ['gmail.*', 'outlook.*'];
const report = {};
for (const file of process.argv.slice(2)) {
  const result = doIUseEmail(readFileSync(file, 'utf8'), { emailClients: CLIENTS });
  report[file] = { unsupported: result.success ? [] : result.errors, warnings: result.warnings };
}
console.log(JSON.stringify(report, null, 1));
