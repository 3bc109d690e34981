/**
 * The signed manifest of a capture: what was asked, what came back, with which tool, and the SHA-256 of every
 * file preserved. The signature covers the canonical JSON (keys sorted at every depth) of the manifest without
 * its `signature`, so anyone with the public key can check that no field and no file hash was changed.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.js';

export type ArtifactRole = 'screenshot' | 'pdf' | 'mhtml' | 'html' | 'warc';

export interface CaptureArtifact {
  role: ArtifactRole;
  fileName: string;
  /** Hex. */
  sha256: string;
  size: number;
  mediaType: string;
}

export interface ManifestSignature {
  algorithm: 'Ed25519';
  keyId: string;
  /** The signer's public key, SPKI DER in base64, when the signer tells it. */
  publicKey?: string;
  /** Base64 signature over `manifestSignedBytes`. */
  value: string;
}

export interface CaptureManifest {
  manifestVersion: 1;
  url: string;
  finalUrl: string;
  /** ISO 8601, UTC. */
  captureStart: string;
  captureEnd: string;
  /** The main document's response. */
  status: number;
  responseHeaders: Record<string, string>;
  /** The address of the server that sent the main document, when the browser tells it. */
  serverAddress?: { ipAddress: string; port: number };
  /** The main document's TLS connection (https only). */
  tls?: { protocol?: string; issuer?: string; subjectName?: string; validFrom?: number; validTo?: number };
  /** Each redirect that led to `finalUrl`, in order. */
  redirects: { url: string; status: number }[];
  userAgent: string;
  tool: { name: 'imketen'; version: string; browser: string };
  artifacts: CaptureArtifact[];
  signature: ManifestSignature;
}

/** Signs bytes; the CLI passes imketen's checkpoint key (src/audit/checkpoints.ts `SigningKey` fits `ed25519Signer`). */
export interface CaptureSigner {
  keyId: string;
  publicKey?: string;
  /** Base64 signature. */
  sign(bytes: Buffer): string;
}

/** An Ed25519 signer from a private key (a KeyObject or PEM text). */
export function ed25519Signer(key: { privateKey: KeyObject | string; keyId: string; publicKey?: string }): CaptureSigner {
  const privateKey = typeof key.privateKey === 'string' ? createPrivateKey(key.privateKey) : key.privateKey;
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the capture signer needs an Ed25519 key, got ${privateKey.asymmetricKeyType}`);
  const publicKey = key.publicKey ?? createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { keyId: key.keyId, publicKey, sign: (bytes) => sign(null, bytes, privateKey).toString('base64') };
}

/** The exact bytes the signature covers: the canonical JSON of the manifest without `signature`, UTF-8. */
export function manifestSignedBytes(manifest: Omit<CaptureManifest, 'signature'> | CaptureManifest): Buffer {
  const { signature: _signature, ...unsigned } = manifest as CaptureManifest;
  return Buffer.from(canonicalJson(unsigned), 'utf8');
}

export function signManifest(unsigned: Omit<CaptureManifest, 'signature'>, signer: CaptureSigner): CaptureManifest {
  const value = signer.sign(manifestSignedBytes(unsigned));
  return { ...unsigned, signature: { algorithm: 'Ed25519', keyId: signer.keyId, ...(signer.publicKey ? { publicKey: signer.publicKey } : {}), value } };
}

/**
 * Whether the manifest's signature holds for this public key (a KeyObject, PEM text, or SPKI DER in base64).
 * Pass a key you trust, not the one the manifest carries.
 */
export function verifyCaptureManifest(manifest: CaptureManifest, publicKey: KeyObject | string): boolean {
  try {
    const key = typeof publicKey !== 'string' ? publicKey
      : publicKey.includes('-----BEGIN') ? createPublicKey(publicKey)
        : createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (manifest.signature?.algorithm !== 'Ed25519') return false;
    return verify(null, manifestSignedBytes(manifest), key, Buffer.from(manifest.signature.value, 'base64'));
  } catch {
    return false;
  }
}
