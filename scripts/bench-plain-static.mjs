/**
 * The yardstick for the static path in `npm run bench` (scripts/bench-load.mjs): a plain `sirv`
 * with the `compression` middleware, gzip per request, serving the folder given, on the port
 * given. No security headers, no log, no method table: what a bare static server costs.
 * Usage: node scripts/bench-plain-static.mjs <dir> <port>
 */
import http from 'node:http';
import compression from 'compression';
import sirv from 'sirv';

const [dir, port] = process.argv.slice(2);
const compress = compression();
const assets = sirv(dir, { etag: true, extensions: ['html'] });
http.createServer((req, res) => compress(req, res, () => assets(req, res))).listen(Number(port), '127.0.0.1');
