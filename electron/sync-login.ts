/**
 * The desktop app's sync login: the CouchDB user and password given in the Sync panel, kept in the
 * app's own folder encrypted with Electron's safeStorage (the system keychain: Keychain on macOS,
 * DPAPI on Windows, the Secret Service or KWallet on Linux). Never kept in plain text: where the
 * system offers no real encryption (safeStorage unavailable, or Linux's hard-coded-key
 * 'basic_text' backend) saving is refused, and the environment's TRANSIT_SYNC_USER /
 * TRANSIT_SYNC_PASSWORD remain the way to give them. The password is decrypted for a round and
 * goes nowhere else: no API answer, log line or journal entry carries it.
 *
 * Only main.ts imports this (with Electron's safeStorage); the logic takes any object with the
 * same methods, so it is tested without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TransitError } from './core/errors';
import { makeFolders } from './core/folders';
import type { Credentials } from './core/sync/couch';
import { environmentCredentials, type CredentialStore } from './core/sync/app';

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron. */
  getSelectedStorageBackend?(): string;
}

export const LOGIN_FILE_NAME = 'sync-login.bin';

function encrypts(storage: SafeStorageLike): boolean {
  if (!storage.isEncryptionAvailable()) return false;
  const backend = process.platform === 'linux' ? storage.getSelectedStorageBackend?.() : undefined;
  return backend !== 'basic_text' && backend !== 'unknown';
}

/** The login kept in `dir` with safeStorage; the environment's when none is kept. */
export function safeStorageLogin(
  storage: SafeStorageLike,
  dir: string,
  env: NodeJS.ProcessEnv = process.env,
): CredentialStore {
  const file = path.join(dir, LOGIN_FILE_NAME);
  const fromEnvironment = environmentCredentials(env);
  const kept = (): Credentials | null => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return null;
    }
    try {
      if (!storage.isEncryptionAvailable()) return null;
      const parsed = JSON.parse(storage.decryptString(bytes)) as Partial<Credentials>;
      return typeof parsed.user === 'string' && typeof parsed.password === 'string'
        ? { user: parsed.user, password: parsed.password }
        : null;
    } catch {
      // Encrypted by another user account or keychain: as if none were kept; the panel asks again.
      return null;
    }
  };
  return {
    read: () => kept() ?? fromEnvironment.read(),
    source: () => (kept() ? 'stored' : fromEnvironment.source()),
    save(credentials) {
      if (!encrypts(storage)) {
        const message =
          'This computer offers no encrypted storage for the password, and it is never kept in plain ' +
          'text: start the app with TRANSIT_SYNC_USER and TRANSIT_SYNC_PASSWORD in the environment instead.';
        throw new TransitError('invalid', message, [
          { field: 'password', code: 'sync.credentials.no_encryption', message },
        ]);
      }
      const encrypted = storage.encryptString(
        JSON.stringify({ user: credentials.user, password: credentials.password }),
      );
      makeFolders(dir);
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, encrypted, { mode: 0o600 });
      fs.renameSync(temporary, file);
    },
  };
}
