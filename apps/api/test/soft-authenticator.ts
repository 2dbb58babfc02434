import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { encode } from 'cbor2';
import type { PasskeyAuthenticationResponse, PasskeyRegistrationResponse } from '@lykt/shared';

/** What a test may change to play a broken or hostile client. */
export type CeremonyOverrides = {
  /** The origin the browser reports (a phishing site, say). */
  origin?: string;
  /** Sign another challenge than the one the server issued. */
  challenge?: string;
  /** The RP id whose hash goes into the authenticator data. */
  rpId?: string;
  /** Whether the user was verified (PIN or biometrics); default true. */
  userVerified?: boolean;
  /** Use this signature counter instead of the next one. */
  counter?: number;
};

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

/**
 * A software WebAuthn authenticator for API tests: a real ES256 key pair from node:crypto,
 * authenticator data and a 'none' attestation object built byte by byte and CBOR-encoded by a
 * library, and real ECDSA signatures. Nothing about the server's verification is mocked.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly coseKey: Uint8Array;
  private userHandle: string | undefined;
  counter = 0;

  constructor(
    readonly origin: string,
    readonly rpId: string,
  ) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    if (!jwk.x || !jwk.y) throw new Error('EC key without coordinates');
    // COSE_Key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    this.coseKey = encode(
      new Map<number, number | Uint8Array>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, new Uint8Array(Buffer.from(jwk.x, 'base64url'))],
        [-3, new Uint8Array(Buffer.from(jwk.y, 'base64url'))],
      ]),
    );
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, overrides: CeremonyOverrides): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge: overrides.challenge ?? challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
  }

  private authenticatorData(flags: number, counter: number, rpId: string, attested?: Uint8Array): Buffer {
    const header = Buffer.alloc(37);
    createHash('sha256').update(rpId).digest().copy(header, 0);
    header.writeUInt8(flags, 32);
    header.writeUInt32BE(counter, 33);
    return attested ? Buffer.concat([header, attested]) : header;
  }

  /** Answers navigator.credentials.create() for the server's options. */
  create(options: { challenge: string; user?: { id?: string } }, overrides: CeremonyOverrides = {}): PasskeyRegistrationResponse {
    this.userHandle = options.user?.id;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, Buffer.from(this.coseKey)]);
    const flags = FLAG_UP | FLAG_AT | (overrides.userVerified === false ? 0 : FLAG_UV);
    const authData = this.authenticatorData(flags, overrides.counter ?? this.counter, overrides.rpId ?? this.rpId, attested);
    const attestationObject = encode({ fmt: 'none', attStmt: {}, authData: new Uint8Array(authData) });
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, overrides)),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** Answers navigator.credentials.get(): signs authenticator data and the client data hash. */
  get(options: { challenge: string }, overrides: CeremonyOverrides = {}): PasskeyAuthenticationResponse {
    if (overrides.counter === undefined) this.counter += 1;
    const flags = FLAG_UP | (overrides.userVerified === false ? 0 : FLAG_UV);
    const authData = this.authenticatorData(flags, overrides.counter ?? this.counter, overrides.rpId ?? this.rpId);
    const clientData = this.clientData('webauthn.get', options.challenge, overrides);
    const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}
