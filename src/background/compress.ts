/**
 * gzip + base64 for values written to storage.session: exchange histories are repetitive (the
 * same headers on every request) and compress ~10×, which keeps 5 tabs × 2,000 exchanges within
 * the 10 MB `storage.session` quota.
 */

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function packJson(value: unknown): Promise<string> {
  return toBase64(await pipe(new TextEncoder().encode(JSON.stringify(value)), new CompressionStream("gzip")));
}

export async function unpackJson(text: string): Promise<unknown> {
  return JSON.parse(new TextDecoder().decode(await pipe(fromBase64(text), new DecompressionStream("gzip"))));
}
