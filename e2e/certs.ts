import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A throwaway self-signed certificate for the replay hosts, made at run time
 * with openssl (Debian's openssl package, a dependency of ca-certificates).
 * Browsers are told to accept it; it is never written into the repository.
 */
export function makeCertificate(hosts: readonly string[]): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'frugal-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const names = hosts.map((host) => `DNS:${host}`).join(',');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=frugal-replay', '-addext', `subjectAltName=${names}`],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new Error(`Could not make a test certificate with openssl (apt-get install -y openssl): ${String(error)}`);
  }
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}
