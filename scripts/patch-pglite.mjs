// Run by `npm install` (postinstall). Rewrites two methods of the mutex that PGlite bundles
// (async-mutex 0.4.1, compiled to ES2015) from generator functions driven by TypeScript's
// __awaiter helper into native async methods with the same body.
//
// Why: every PGlite query passes through three of these mutexes. V8 keeps a generator object that
// was suspended across an await, and what it refers to (the query's protocol messages and rows),
// alive through young-generation collections until a full collection, so the server's old
// generation grew by about 3.3 KiB per query, where the same query with native async methods
// leaves about 1.3 KiB (measured, docs/SCALING.md "Council report"). The behaviour is unchanged:
// acquire, run, release in a finally, in the same first-come order.
//
// A readable diff of the change, not a patch file: PGlite ships this code minified on one
// 90 KB line, so a line-based patch (patch-package) would carry that whole line twice.
// If PGlite changes, this script stops the install and says what to check.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const REPLACEMENTS = [
  {
    what: 'Semaphore.runExclusive',
    from: 'runExclusive(t,r=1){return rt(this,void 0,void 0,function*(){let[_,n]=yield this.acquire(r);try{return yield t(_)}finally{n()}})}',
    to: 'async runExclusive(t,r=1){let[_,n]=await this.acquire(r);try{return await t(_)}finally{n()}}',
  },
  {
    what: 'Mutex.acquire',
    from: 'acquire(){return _t(this,void 0,void 0,function*(){let[,t]=yield this._semaphore.acquire();return t})}',
    to: 'async acquire(){let[,t]=await this._semaphore.acquire();return t}',
  },
];

const require = createRequire(import.meta.url);
let entry;
try {
  entry = require.resolve('@electric-sql/pglite'); // <package>/dist/index.cjs (package.json is not exported)
} catch (error) {
  if (error?.code !== 'MODULE_NOT_FOUND') throw error;
  process.exit(0); // not installed: nothing to rewrite
}
const dist = path.dirname(entry);
const { version } = JSON.parse(fs.readFileSync(path.join(dist, '..', 'package.json'), 'utf8'));

const files = fs.readdirSync(dist).filter((name) => name.endsWith('.js')).map((name) => path.join(dist, name));
const holder = files.find((file) => {
  const text = fs.readFileSync(file, 'utf8');
  return REPLACEMENTS.every((change) => text.includes(change.from) || text.includes(change.to));
});
if (!holder) {
  console.error(
    `patch-pglite: @electric-sql/pglite ${version} does not contain the mutex code this script rewrites.\n` +
      'Check whether its bundled mutex still uses generator functions (function*) on the query path:\n' +
      'if it does, update the strings in scripts/patch-pglite.mjs; if not, remove the script and its postinstall entry.',
  );
  process.exit(1);
}
let text = fs.readFileSync(holder, 'utf8');
const applied = [];
for (const change of REPLACEMENTS) {
  const count = text.split(change.from).length - 1;
  if (count === 0) continue; // already rewritten
  if (count !== 1) {
    console.error(`patch-pglite: ${change.what} occurs ${count} times in ${holder}; expected once.`);
    process.exit(1);
  }
  text = text.replace(change.from, change.to);
  applied.push(change.what);
}
if (applied.length > 0) {
  const temporary = `${holder}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, holder);
  console.log(`patch-pglite: PGlite ${version}: ${applied.join(' and ')} made native async methods (${path.basename(holder)}).`);
}
