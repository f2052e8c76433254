// Validates every object of a rendered multi-document YAML (a file argument, or stdin) against the Kubernetes
// OpenAPI types of kubernetes-models: known apiVersion/kind, field types, required fields, enums and formats.
// Prints one line per problem and exits 1 when any; otherwise prints "<n> objects valid" and exits 0.
// Unknown fields are KubernetesClient's strict load's job (tests/Deploy.Tests/Manifests).
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const text = readFileSync(process.argv[2] ?? 0, 'utf8');
const problems = [];
let count = 0;

for (const [index, document] of parseAllDocuments(text).entries()) {
  if (document.errors.length > 0) {
    problems.push(`document ${index}: YAML: ${document.errors.map(e => e.message).join('; ')}`);
    continue;
  }
  const object = document.toJS();
  if (object === null || object === undefined) continue; // an empty document between separators
  count++;
  const { apiVersion, kind } = object;
  const label = `document ${index} ${kind ?? '?'}/${object.metadata?.name ?? '?'}`;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    problems.push(`${label}: apiVersion and kind are required`);
    continue;
  }
  // kubernetes-models lays its classes out as <group>/<version>/<Kind>, the core group as v1/<Kind>.
  let Model;
  try {
    ({ [kind]: Model } = await import(`kubernetes-models/${apiVersion}/${kind}`));
  } catch {
    Model = undefined;
  }
  if (typeof Model !== 'function') {
    problems.push(`${label}: unknown apiVersion/kind ${apiVersion} ${kind}`);
    continue;
  }
  // kustomize wraps a long Secret value's base64 over lines; the API server's decoder (Go's encoding/json) skips
  // the newlines, the schema's "byte" pattern does not: compare what the server would decode.
  if (kind === 'Secret' && object.data && typeof object.data === 'object') {
    for (const [key, value] of Object.entries(object.data)) {
      if (typeof value === 'string') object.data[key] = value.replace(/[\r\n]/g, '');
    }
  }
  try {
    new Model(object).validate();
  } catch (error) {
    const details = error.errors?.map(e => `${e.instancePath || '/'} ${e.message}`).join('; ');
    problems.push(`${label}: ${details || error.message}`);
  }
}

if (count === 0) problems.push('no objects found');
for (const problem of problems) console.log(problem);
if (problems.length > 0) process.exit(1);
console.log(`${count} objects valid`);
