// V8 optimizes a thread's hot code under a few assumptions about the whole thread, and code
// that breaks one, once, deoptimizes every function compiled under it; each is compiled again
// once it is hot again. Two of them break on every run that reads an email, mid-run, after
// the pages have made most of the checking code hot (postal-mime does both):
//
// - the field `value` of a two-property object literal that starts with it ({ value, params })
//   shares its map with the results of every `for…of` loop over an array, Set or Map: writing
//   that field turns it from constant to mutable, and every loop compiled as constant is thrown
//   away (in one run, 72 functions at once);
// - the first ArrayBuffer detached (Node's Blob detaches one) invalidates V8's
//   "ArrayBufferDetaching" protector, and every function that reads a typed array without
//   checking for detachment is thrown away (another 44).
//
// Breaking both before any source is read costs nothing measurable and makes the code compiled
// afterwards right for the rest of the run: one compile per function instead of two or three.
// test/campaign/engine.test.ts shows both effects on V8 itself.

let settled = false;

/** Break, once per thread, the assumptions that reading an email would break mid-run. */
export function settleEngineAssumptions(): void {
  if (settled) return;
  settled = true;
  const result = { value: 0, done: false };
  result.value = 1;
  const buffer = new ArrayBuffer(0);
  structuredClone(buffer, { transfer: [buffer] });
}
