const t = performance.now();
await import('commander'); const a = performance.now();
await import('./dist/store/open-store.js'); const b = performance.now();
await import('./dist/reports/compute-report.js'); const c = performance.now();
await import('./dist/reports/render/render-text.js'); const d = performance.now();
await import('./dist/cli/commands/report.js'); const e = performance.now();
console.log({ commander: a - t, store: b - a, compute: c - b, text: d - c, restOfReportCmd: e - d });
