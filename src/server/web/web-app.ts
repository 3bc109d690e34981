/**
 * Serves the built web application (web/dist, `npm run build:web`) from the API's own origin, so the session
 * cookie and the CSRF token work without CORS. Files that exist are sent as they are; every other path outside
 * /api is a page of the single-page app and gets index.html (the SPA fallback); /api paths are left to the API's
 * not-found handler.
 */
import { stat } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build:web` writes the app. */
export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'web', 'dist');

/**
 * The pages only load their own scripts; MUI (emotion) injects its styles at run time, hence 'unsafe-inline' for
 * styles alone. Charts are SVG; downloads are same-origin.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>imketen</title>
<h1>The web application has not been built</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload this page.
The API is running: see <a href="/api/docs">/api/docs</a>.</p></html>`;

export async function webApp(app: FastifyInstance, options: { root?: string } = {}): Promise<void> {
  const root = options.root ?? WEB_DIST;
  await app.register(fastifyStatic, { root, serve: false });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decoded(request.url.split('?')[0]!);
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && (await isFile(file))) return reply.sendFile(file.slice(root.length + 1));
    if (!(await isFile(join(root, 'index.html')))) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}

/** The path as the file system sees it; a malformed escape cannot name a file, so it is a page of the app. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '/';
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
