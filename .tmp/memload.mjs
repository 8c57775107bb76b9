const what = process.argv[2];
const before = process.memoryUsage();
if (what) await import(what);
global.gc?.(); await new Promise(r=>setTimeout(r,500)); global.gc?.();
const after = process.memoryUsage();
console.log(what, 'rss', ((after.rss)/1048576).toFixed(1), 'heap', (after.heapUsed/1048576).toFixed(1));
