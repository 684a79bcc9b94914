import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { sendFile, type ReplayRequest } from '../server';

/**
 * What the image-site replays share: their answers are the unit fixtures'
 * bytes, sent as they are (so a page's SHA-256 of what it received can be
 * compared with the fixture's), and the page helper that records that hash.
 */

/** Reads a site's unit fixtures (lib/sites/__fixtures__/<site>/). */
export function fixtures(site: string): (name: string) => string {
  const folder = new URL(`../../lib/sites/__fixtures__/${site}/`, import.meta.url);
  return (name) => readFileSync(new URL(name, folder), 'utf8');
}

/** Sends `text` byte for byte. */
export function sendText(response: ServerResponse, text: string, status = 200, contentType = 'application/json'): true {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(text);
  return true;
}

/** Serves the page helper that posts like an app and records what came back (received.js). */
export function sendReceivedScript(response: ServerResponse): true {
  return sendFile(response, new URL('./received.js', import.meta.url), 'text/javascript; charset=utf-8');
}

/**
 * An API host called from the app's page (another origin): allows the page's
 * origin with credentials, and answers the preflight. True when the request
 * was the preflight, already answered.
 */
export function crossOrigin(request: ReplayRequest, response: ServerResponse, headers: string): boolean {
  response.setHeader('access-control-allow-origin', String(request.headers.origin ?? '*'));
  response.setHeader('access-control-allow-credentials', 'true');
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': headers }).end();
  return true;
}

export function bodyOf<T>(request: ReplayRequest): T {
  return JSON.parse(request.body.toString('utf8')) as T;
}
