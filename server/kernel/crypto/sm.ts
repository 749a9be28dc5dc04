import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** SM3 (GB/T 32905) digest, hex. */
export function sm3(data: string | Buffer): string {
  return createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

/**
 * SM4 (GB/T 32907) for personal data at rest. OpenSSL offers no SM4-GCM here, so CBC with a random IV
 * is authenticated by HMAC-SM3 over iv‖ciphertext (encrypt-then-MAC). Output: "v1:" + base64.
 */
export class Sm4Box {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length < 16) throw new Error('SM4 master key must be at least 16 bytes');
    this.encKey = hmacSm3(masterKey, 'fazhi-sm4-enc').subarray(0, 16);
    this.macKey = hmacSm3(masterKey, 'fazhi-sm4-mac');
  }

  encrypt(plain: string): string {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-cbc', this.encKey, iv);
    const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]);
    const mac = hmacSm3(this.macKey, body);
    return 'v1:' + Buffer.concat([body, mac]).toString('base64');
  }

  decrypt(sealed: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown ciphertext version');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const body = raw.subarray(0, raw.length - 32);
    const mac = raw.subarray(raw.length - 32);
    if (!timingSafeEqual(mac, hmacSm3(this.macKey, body))) throw new Error('ciphertext integrity check failed');
    const decipher = createDecipheriv('sm4-cbc', this.encKey, body.subarray(0, 16));
    return Buffer.concat([decipher.update(body.subarray(16)), decipher.final()]).toString('utf8');
  }
}

/** Masks for display: keep the first and last characters that identify without disclosing. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? phone.slice(0, 3) + '****' + phone.slice(-4) : '****';
}

export function maskIdNumber(id: string): string {
  return id.length >= 8 ? id.slice(0, 6) + '********' + id.slice(-4) : '****';
}
