// Arrays made the same way whichever tier of V8 runs the code that makes them.
//
// Array.prototype.map returns a packed array when V8's builtin runs it and a holey one when
// TurboFan inlines it into an optimized caller. Code optimized for one kind is thrown away when
// the other arrives ("wrong map"), and the arrays a page is read into (its parts, sentences,
// words, tokens) are read by nearly every optimized function of a check: each kind change
// recompiled some of the largest, per thread, on every run. Arrays that hot code reads are
// made here instead: always packed, built by push.

/** `items.map(make)`, always a packed array. */
export function mapped<T, U>(items: readonly T[], make: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(make(items[i], i));
  return out;
}
