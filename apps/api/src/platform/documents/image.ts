/**
 * Reads an image's type and pixel size from its header, for PNG and baseline/progressive JPEG:
 * enough to validate an uploaded logo and to size it in a document without an image library.
 */
export type ImageInfo = { type: 'png' | 'jpg'; width: number; height: number };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngInfo(data: Buffer): ImageInfo | null {
  if (data.length < 33 || !data.subarray(0, 8).equals(PNG_SIGNATURE) || data.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  return width > 0 && height > 0 ? { type: 'png', width, height } : null;
}

function jpegInfo(data: Buffer): ImageInfo | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = data.readUInt16BE(offset + 2);
    // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = data.readUInt16BE(offset + 5);
      const width = data.readUInt16BE(offset + 7);
      return width > 0 && height > 0 ? { type: 'jpg', width, height } : null;
    }
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

/** The image's type and size, or null when it is neither a readable PNG nor a readable JPEG. */
export function readImageInfo(data: Buffer): ImageInfo | null {
  return pngInfo(data) ?? jpegInfo(data);
}

/** The pixel size of an image already known to be of `type`; 1×1 if the header cannot be read. */
export function imageSize(data: Buffer, type: 'png' | 'jpg'): { width: number; height: number } {
  const info = readImageInfo(data);
  return info && info.type === type ? info : { width: 1, height: 1 };
}
