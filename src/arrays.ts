// Arrays made the same way whichever tier of V8 runs the code that makes them.
//
// Array.prototype.map returns a packed array when V8's builtin runs it and a holey one when
// TurboFan inlines it into an optimized caller. Code optimized for one kind is thrown away when
// the other arrives ("wrong map"), and the arrays a page is read into (its parts, sentences,
// words, tokens) are read by nearly every optimized function of a check: each kind change
// recompiled some of the largest, per thread, on every run. Arrays that hot code reads are
// made here instead: always holey, allocated at their length (`new Array(n)` is holey in every
// tier; an array built by push would be packed, but holds up to 16 slots for a few elements,
// and the tables of recurring text keep many such arrays).

/** `items.map(make)`, always a holey array of exactly `items.length` elements. */
export function mapped<T, U>(items: readonly T[], make: (item: T, index: number) => U): U[] {
  const out = new Array<U>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = make(items[i], i);
  return out;
}
