/**
 * A CouchDB-protocol server for the sync specifications: express-pouchdb on in-memory PouchDB, on a
 * free loopback port, started by the test itself, with an admin and station users (role
 * `station:<ID>`) as a real server has them. It can be stopped and started again on the same port
 * with its data kept, as a server that goes away mid-round and comes back. Where COUCHDB_URL
 * names a real Apache CouchDB (with admin credentials in it), `realCouch()` gives that instead.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the PouchDB packages ship no types */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const ADMIN = { user: 'admin', password: 'admin-secret' };

export interface TestCouch {
  /** The server's base URL, without a database. */
  base: string;
  admin: { user: string; password: string };
  /** A user whose roles are `station:<ID>` for each station given. */
  addUser(name: string, password: string, stations: string[]): Promise<void>;
  /** A request as the admin (or as `as`), JSON in and out. */
  request(
    method: string,
    path: string,
    body?: unknown,
    as?: { user: string; password: string },
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

function authHeader(who: { user: string; password: string }): string {
  return `Basic ${Buffer.from(`${who.user}:${who.password}`).toString('base64')}`;
}

async function requestWith(
  base: string,
  method: string,
  path: string,
  body: unknown,
  who: { user: string; password: string } | null,
) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (who) headers.authorization = authHeader(who);
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

function userOps(base: string, admin: { user: string; password: string }) {
  return {
    /**
     * Creates the user, or sets an existing one's password and roles: a real CouchDB keeps its users
     * from one run (and one spec file) to the next, each of which may give the same name another password.
     */
    async addUser(name: string, password: string, stations: string[]): Promise<void> {
      const id = `org.couchdb.user:${name}`;
      const path = `/_users/${encodeURIComponent(id)}`;
      const doc = { _id: id, name, password, type: 'user', roles: stations.map((s) => `station:${s}`) };
      let answer = await requestWith(base, 'PUT', path, doc, admin);
      if (answer.status === 409) {
        const held = await requestWith(base, 'GET', path, undefined, admin);
        answer = await requestWith(base, 'PUT', path, { ...doc, _rev: held.body?._rev }, admin);
      }
      if (answer.status >= 300) throw new Error(`user ${name}: ${JSON.stringify(answer.body)}`);
    },
    request(method: string, path: string, body?: unknown, as?: { user: string; password: string }) {
      return requestWith(base, method, path, body, as ?? admin);
    },
  };
}

export async function startTestCouch(): Promise<TestCouch> {
  const PouchDB = require('pouchdb-core')
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-replication'));
  const express = require('express');
  const expressPouch = require('express-pouchdb');
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
  const app = express();
  const pouch = expressPouch(MemoryPouch, {
    mode: 'fullCouchDB',
    inMemoryConfig: true,
    logPath: '/dev/null',
  });
  app.use(pouch);
  let server: http.Server = http.createServer(app);
  const sockets = new Set<import('node:net').Socket>();
  const track = (s: http.Server) =>
    s.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  track(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve, reject) =>
    pouch.couchConfig.set('admins', ADMIN.user, ADMIN.password, (error: unknown) =>
      error ? reject(error) : resolve(),
    ),
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  };
  return {
    base,
    admin: ADMIN,
    ...userOps(base, ADMIN),
    stop,
    async start() {
      server = http.createServer(app);
      track(server);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: stop,
  };
}

/** A real Apache CouchDB from COUCHDB_URL (http://admin:password@host:5984), or null. */
export function realCouch(): TestCouch | null {
  const raw = process.env.COUCHDB_URL;
  if (!raw) return null;
  const url = new URL(raw);
  const admin = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  // The server's address as given, less its credentials: a CouchDB behind a proxy may live under a path.
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    base,
    admin,
    ...userOps(base, admin),
    async stop() {
      throw new Error('a real CouchDB is not stopped by the tests');
    },
    async start() {},
    async close() {},
  };
}
