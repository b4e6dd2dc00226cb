// node --allow-natives-syntax --no-lazy-feedback-allocation arrays-probe.mjs: whether an array
// made by `mapped` (and, for comparison, by Array.prototype.map) is holey when the code making
// it runs interpreted and when it runs optimized (feedback from the first call on, so that the
// optimized code is not thrown away on its first run). Prints {"mapped": [interpreted,
// optimized], "map": [...]}.
import { mapped } from '../../dist/arrays.js';

const words = ['free', 'shipping', 'today'];
const wrap = (word) => ({ word });
const byMapped = (list) => mapped(list, wrap);
const byMap = (list) => list.map(wrap);

function kinds(make) {
  const interpreted = %HasHoleyElements(make(words));
  %PrepareFunctionForOptimization(make);
  make(words), make(words);
  %OptimizeFunctionOnNextCall(make);
  const optimized = %HasHoleyElements(make(words));
  // V8's status bits: 16 = optimized.
  if ((%GetOptimizationStatus(make) & 16) === 0) throw new Error(`${make.name} was not optimized`);
  return [interpreted, optimized];
}
console.log(JSON.stringify({ mapped: kinds(byMapped), map: kinds(byMap) }));
