import { deflateSync } from 'node:zlib';
import { demoEmail, expect, expectNoAxeViolations, signInByApi, test } from './support/fixtures';

/** A small valid PNG (solid blue, 120 × 40), built here so the test needs no image file. */
function bluePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [0x1f, 0x5d, 0x99]).flat())]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

test('the admin uploads a logo for documents, sees it with its size, a text file is refused on the field, and the logo is removed again', async ({ page }) => {
  await signInByApi(page, demoEmail('admin'));
  await page.goto('/app/settings');
  const section = page.getByRole('region', { name: 'Logo på dokumenter' });
  await expect(section).toBeVisible();
  await expect(section.getByText('Ingen logo er lastet opp.')).toBeVisible();
  const field = section.getByLabel('Ny logo');

  await field.setInputFiles({ name: 'notat.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke et bilde') });
  await section.getByRole('button', { name: 'Last opp logo' }).click();
  await expect(section.getByText('Filen må være PNG eller JPEG.')).toBeVisible();
  await expectNoAxeViolations(page);

  await field.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: bluePng(120, 40) });
  await section.getByRole('button', { name: 'Last opp logo' }).click();
  await expect(section.getByText('Logoen er lagret.')).toBeVisible();
  await expect(section.getByText(/^PNG, 120 × 40 piksler, 1 KB\.$/)).toBeVisible();
  const preview = section.getByRole('img', { name: /^Logoen til / });
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);
  await expectNoAxeViolations(page);

  await section.getByRole('button', { name: 'Fjern logo' }).click();
  await expect(section.getByText('Logoen er fjernet.')).toBeVisible();
  await expect(section.getByText('Ingen logo er lastet opp.')).toBeVisible();
});
