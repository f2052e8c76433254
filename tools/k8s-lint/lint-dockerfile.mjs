// Lints Dockerfiles (file arguments): every dockerfile-utils diagnostic counts as a problem (its checks at
// error severity), plus this project's rules for deploy/docker: multi-stage from the .NET 10 SDK to a .NET 10
// runtime image, a numeric non-root USER in the final stage, and an exec-form ENTRYPOINT (so SIGTERM reaches
// dotnet and the silo shuts down gracefully). Prints "<file>:<line>: <problem>" lines; exits 1 when any.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { validate, ValidationSeverity } = require('dockerfile-utils');

const strict = Object.fromEntries([
  'deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing',
  'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple',
  'instructionJSONInSingleQuotes', 'instructionWorkdirRelative',
].map(setting => [setting, ValidationSeverity.ERROR]));

const buildImage = /^mcr\.microsoft\.com\/dotnet\/sdk:10\.0(\S*)?$/;
const finalImage = /^mcr\.microsoft\.com\/dotnet\/(runtime|aspnet):10\.0(\S*)?$/;

// Joins continuation lines and drops comments and blanks: [{ line, keyword, args }].
function instructions(text) {
  const result = [];
  let current = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (current === null && (line === '' || line.startsWith('#'))) return;
    if (current === null) current = { line: index + 1, text: '' };
    if (line.startsWith('#')) return;
    const continued = line.endsWith('\\');
    current.text += (continued ? line.slice(0, -1) : line) + ' ';
    if (!continued) {
      const [keyword, ...rest] = current.text.trim().split(/\s+/);
      result.push({ line: current.line, keyword: keyword.toUpperCase(), args: rest.join(' ') });
      current = null;
    }
  });
  return result;
}

function projectRules(text) {
  const problems = [];
  const all = instructions(text);
  const froms = all.filter(i => i.keyword === 'FROM');
  if (froms.length < 2) problems.push({ line: 1, message: 'not multi-stage: build with the SDK image, run on a runtime image' });
  const image = from => from.args.split(/\s+/).find(a => !a.startsWith('--')) ?? '';
  if (froms.length > 0 && !buildImage.test(image(froms[0]))) {
    problems.push({ line: froms[0].line, message: `first stage must build FROM mcr.microsoft.com/dotnet/sdk:10.0, not ${image(froms[0])}` });
  }
  const last = froms.at(-1);
  if (last && !finalImage.test(image(last))) {
    problems.push({ line: last.line, message: `final stage must run FROM mcr.microsoft.com/dotnet/runtime:10.0 or aspnet:10.0, not ${image(last)}` });
  }
  const finalStage = last ? all.filter(i => i.line > last.line) : [];
  const users = finalStage.filter(i => i.keyword === 'USER');
  const user = users.at(-1);
  if (!user) {
    problems.push({ line: last?.line ?? 1, message: 'final stage has no USER: the container would run as root' });
  } else {
    const [name] = user.args.split(':');
    if (!/^\d+$/.test(name) || name === '0') {
      problems.push({ line: user.line, message: `USER ${user.args} must be a numeric non-root UID (the kubelet checks runAsNonRoot by UID)` });
    }
  }
  const entrypoints = finalStage.filter(i => i.keyword === 'ENTRYPOINT');
  if (entrypoints.length === 0) problems.push({ line: last?.line ?? 1, message: 'final stage has no ENTRYPOINT' });
  for (const e of entrypoints) {
    if (!e.args.startsWith('[')) problems.push({ line: e.line, message: 'ENTRYPOINT must use the exec (JSON) form so SIGTERM reaches dotnet' });
  }
  return problems;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.log('usage: node lint-dockerfile.mjs <Dockerfile>...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const problems = [
    ...validate(text, strict).map(d => ({ line: d.range.start.line + 1, message: d.message })),
    ...projectRules(text),
  ];
  for (const p of problems) console.log(`${file}:${p.line}: ${p.message}`);
  if (problems.length > 0) failed = true;
  else console.log(`${file}: ok`);
}
process.exit(failed ? 1 : 0);
