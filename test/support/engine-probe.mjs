// node --allow-natives-syntax engine-probe.mjs [settle]: optimizes two functions like the
// checks' hot code (a for…of loop over an array; a loop reading a typed array), reads the
// example campaign's email as a run does, and prints whether each is still optimized.
// With "settle", settleEngineAssumptions runs first, as a run's threads do.
import { settleEngineAssumptions } from '../../dist/campaign/engine.js';
import { readSource } from '../../dist/sources/read.js';

if (process.argv[2] === 'settle') settleEngineAssumptions();

function sumOf(list) {
  let sum = 0;
  for (const n of list) sum += n;
  return sum;
}
function sumOfBytes(bytes) {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum += bytes[i];
  return sum;
}
const list = [1, 2, 3];
const bytes = new Uint8Array([1, 2, 3]);
%PrepareFunctionForOptimization(sumOf);
%PrepareFunctionForOptimization(sumOfBytes);
sumOf(list), sumOfBytes(bytes), sumOf(list), sumOfBytes(bytes);
%OptimizeFunctionOnNextCall(sumOf);
%OptimizeFunctionOnNextCall(sumOfBytes);
sumOf(list), sumOfBytes(bytes);

// V8's status bits: 16 = optimized.
const optimized = (fn) => (%GetOptimizationStatus(fn) & 16) !== 0;
const before = { loop: optimized(sumOf), bytes: optimized(sumOfBytes) };
const file = new URL('../../fixtures/example/email/launch.eml', import.meta.url).pathname;
const doc = await readSource({ id: 'email/launch.eml', channel: 'email', kind: 'email', language: 'en', file }, { offline: true });
const after = { loop: optimized(sumOf), bytes: optimized(sumOfBytes) };
console.log(JSON.stringify({ before, after, parts: doc.parts?.length ?? 0 }));
