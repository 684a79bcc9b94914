import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { makeCertificate } from './certs';

/**
 * The replay server: one HTTPS server that plays every replay site, picked by
 * the Host header. Browsers resolve the real hostnames to it (see browsers.ts),
 * so pages load at https://chatgpt.com/ and the extension's content scripts
 * and host permissions apply exactly as on the real sites.
 */

export interface ReplayRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface ReplaySite {
  /** Hostnames this site answers for. */
  readonly hosts: readonly string[];
  /** Answer a request; return false to let the server answer 404. */
  handle(request: ReplayRequest, response: ServerResponse): Promise<boolean> | boolean;
  /**
   * Accept a WebSocket (`request.body` is empty); return false to refuse it.
   * Frames the page sends are logged as requests with method "WS".
   */
  socket?(request: ReplayRequest, socket: WebSocket): boolean;
}

export interface LoggedRequest {
  host: string;
  method: string;
  path: string;
  body: string;
}

export class ReplayServer {
  /** Every request served, for assertions on what pages sent. */
  readonly log: LoggedRequest[] = [];
  private server: Server | null = null;
  private readonly sockets = new WebSocketServer({ noServer: true });

  constructor(private readonly sites: readonly ReplaySite[]) {}

  get hosts(): string[] {
    return this.sites.flatMap((site) => site.hosts);
  }

  /** Listens on `port` (443 needs root; pass 0 for any free port). Resolves to the port. */
  async start(port: number): Promise<number> {
    const { key, cert } = makeCertificate(this.hosts);
    const server = createServer({ key, cert }, (request, response) => {
      void this.serve(request, response);
    });
    server.on('upgrade', (request, socket, head) => {
      const host = (request.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(request.url ?? '/', `https://${host}`);
      const site = this.sites.find((candidate) => candidate.hosts.includes(host));
      if (!site?.socket) {
        socket.destroy();
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (ws) => {
        ws.on('message', (data) => {
          this.log.push({ host, method: 'WS', path: url.pathname + url.search, body: data.toString() });
        });
        const accepted = site.socket!({ method: 'GET', url, headers: request.headers, body: Buffer.alloc(0) }, ws);
        if (!accepted) ws.close(1008, 'not served');
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`Port ${port} is busy: is another replay server (a demo or test run) still running?`)
            : error,
        );
      });
      server.listen(port, '127.0.0.1', resolve);
    });
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const client of this.sockets.clients) client.terminate();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(request.url ?? '/', `https://${host}`);
    this.log.push({ host, method: request.method ?? 'GET', path: url.pathname + url.search, body: body.toString('utf8') });
    const site = this.sites.find((candidate) => candidate.hosts.includes(host));
    try {
      if (site && (await site.handle({ method: request.method ?? 'GET', url, headers: request.headers, body }, response))) return;
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch (error) {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  }
}

export interface StreamOptions {
  contentType?: string;
  /** Bytes per write. */
  chunkBytes?: number;
  /** Pause between writes, like a model generating. */
  delayMs?: number;
  status?: number;
}

/** Stream `text` in chunks, as a model's answer arrives. Stops quietly if the client goes away. */
export async function streamText(response: ServerResponse, text: string, options: StreamOptions = {}): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const size = options.chunkBytes ?? 256;
  response.writeHead(options.status ?? 200, {
    'content-type': options.contentType ?? 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  for (let offset = 0; offset < bytes.length; offset += size) {
    if (response.destroyed) return;
    response.write(bytes.subarray(offset, offset + size));
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
  }
  response.end();
}

export function sendFile(response: ServerResponse, path: URL, contentType: string): true {
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(readFileSync(path));
  return true;
}

export function sendJson(response: ServerResponse, value: unknown, status = 200): true {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  return true;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
