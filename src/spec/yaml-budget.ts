// The size a YAML document has once its aliases are expanded. A posts file or a spec can hold
// one anchor of 100,000 posts and repeat it 999 times: a few kilobytes that expand to
// gigabytes. Counting aliases (yaml's maxAliasCount) misses that 999 aliases of a big node are
// worse than 100,000 of a small one; this measures the expanded size itself, in nodes plus
// characters of scalars, with one memo per node so the measuring is linear in the document.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export type Budget = { ok: true } | { ok: false; reason: 'too-large' | 'self-reference'; offset?: number };

export function expandedSizeWithin(doc: Document, budget: number): Budget {
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  let failure: Budget | undefined;
  const own = (node: unknown) => (isScalar(node) ? 1 + (typeof node.value === 'string' ? node.value.length : 1) : 1);
  // The expanded size of a node (an alias counts as what it stands for), memoized per node.
  const size = (node: unknown): number => {
    if (failure || node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) {
      failure = { ok: false, reason: 'self-reference', offset: (node as Node).range?.[0] };
      return 0;
    }
    open.add(node);
    let n = own(node);
    if (isAlias(node)) n = size(node.resolve(doc));
    else if (isSeq(node) || isMap(node)) for (const item of node.items) n += size(item);
    else if (isPair(node)) n += size(node.key) + size(node.value);
    open.delete(node);
    sizes.set(node, n);
    return n;
  };
  // The document in order, so the error names the alias at which the budget runs out.
  let total = 0;
  const walk = (node: unknown): void => {
    if (failure || node === null || node === undefined) return;
    if (isAlias(node)) total += size(node);
    else {
      total += own(node);
      if (isSeq(node) || isMap(node)) for (const item of node.items) walk(item);
      else if (isPair(node)) (walk(node.key), walk(node.value));
    }
    if (!failure && total > budget) failure = { ok: false, reason: 'too-large', offset: (node as Node).range?.[0] };
  };
  walk(doc.contents);
  return failure ?? { ok: true };
}
