const mods = process.argv.slice(2);
const out = [];
for (const m of mods) {
  const c0 = process.cpuUsage();
  await import(m);
  const c = process.cpuUsage(c0);
  out.push(`${((c.user + c.system) / 1000).toFixed(0).padStart(4)} ${m}`);
}
console.log(out.join('\n'));
