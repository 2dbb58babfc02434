// Run by `npm install` (postinstall). Rewrites three small pieces of PGlite's bundled JavaScript
// that leave garbage V8 cannot free in a young-generation collection: as published, every query on
// the embedded database left about 3.3 KiB in the old generation until a full collection; with
// the rewrites about 0.55 KiB (docs/SCALING.md, "Council report"):
// - the mutex PGlite bundles (async-mutex 0.4.1, compiled to ES2015): its `runExclusive` and
//   `acquire` are generator functions driven by TypeScript's __awaiter; V8 keeps a generator that
//   was suspended across an await, and what its frame refers to, until a full collection. They
//   become native async methods with the same body: acquire, run, release in a finally, in the
//   same first-come order. Every query passes three of these mutexes.
// - esbuild's `__privateWrapper` helper, which the bundle uses for `this.#field++` and
//   `this.#field += n` (the protocol writer and parser do so for every message): it returned an
//   object literal with a getter and a setter made anew on every call, and each such object gets a
//   hidden class, descriptors and accessor pairs of its own, allocated in the old generation. It
//   becomes an instance of one class whose getter and setter live on the prototype; reading and
//   writing the field go through the same private-field helpers as before.
// - BasePGlite's `#execProtocolNoSync`, run five to six times per query, passed
//   `{ ...options, syncToFs: false }` on: when the query has options (drizzle always passes
//   `rowMode`), V8 gave every such copy a hidden class of its own, old-generation garbage again. It
//   now passes the three options `execProtocolStream` reads (`ExecProtocolOptions`: syncToFs,
//   throwOnError, onNotice), the first false as before, the others as given (an absent
//   `throwOnError` still defaults to true there).
//
// A readable list of exact replacements, not a patch file: PGlite ships this code minified on
// single lines of up to 200 KB, so a line-based patch (patch-package) would carry whole lines.
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
  {
    what: 'BasePGlite #execProtocolNoSync',
    from: 'u=async function(s,e={}){return await this.execProtocolStream(s,{...e,syncToFs:!1})}',
    to: 'u=async function(s,e={}){return await this.execProtocolStream(s,{syncToFs:!1,throwOnError:e.throwOnError,onNotice:e.onNotice})}',
  },
  {
    what: '__privateWrapper',
    from: 'var U=(t,e,o,m)=>({set _(r){x(t,e,r,o)},get _(){return h(t,e,m)}});',
    to: 'class PrivateWrapper{constructor(t,e,o,m){this.t=t,this.e=e,this.o=o,this.m=m}set _(r){x(this.t,this.e,r,this.o)}get _(){return h(this.t,this.e,this.m)}}var U=(t,e,o,m)=>new PrivateWrapper(t,e,o,m);',
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
const texts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
const changed = new Map();
const applied = [];
for (const change of REPLACEMENTS) {
  const holders = files.filter((file) => texts.get(file).includes(change.from) || texts.get(file).includes(change.to));
  if (holders.length !== 1) {
    console.error(
      `patch-pglite: @electric-sql/pglite ${version}: ${change.what} was found in ${holders.length} files, expected one.\n` +
        'Check whether PGlite still has this code (see the comments in scripts/patch-pglite.mjs):\n' +
        'if it does, update the strings there; if not, remove the replacement (or the script and its postinstall entry).',
    );
    process.exit(1);
  }
  const file = holders[0];
  const text = changed.get(file) ?? texts.get(file);
  const count = text.split(change.from).length - 1;
  if (count === 0) continue; // already rewritten
  if (count !== 1) {
    console.error(`patch-pglite: ${change.what} occurs ${count} times in ${file}; expected once.`);
    process.exit(1);
  }
  changed.set(file, text.replace(change.from, change.to));
  applied.push(`${change.what} (${path.basename(file)})`);
}
for (const [file, text] of changed) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}
if (applied.length > 0) console.log(`patch-pglite: PGlite ${version}: rewrote ${applied.join(', ')}.`);
