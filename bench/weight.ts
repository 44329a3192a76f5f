import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';

export type Transfer = {
  status: number;
  /** What the app sent in Content-Encoding, or "none". */
  encoding: string;
  /** Bytes on the wire as the app sent them. */
  wireBytes: number;
  /** Compressed bytes: the wire bytes when the app compressed, otherwise our own gzip of the body. */
  compressedBytes: number;
  /** True when we compressed it ourselves because the app did not. */
  compressedByBench: boolean;
  body: Buffer;
};

/** GET with `Accept-Encoding: gzip, br`, counting the bytes on the wire (fetch would decompress them). */
export function transfer(url: string, headers: Record<string, string> = {}): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'Accept-Encoding': 'gzip, br', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] ?? 'none');
        const compressed = encoding !== 'none';
        resolve({
          status: res.statusCode ?? 0,
          encoding,
          wireBytes: wire.length,
          compressedBytes: compressed ? wire.length : gzipSync(wire).length,
          compressedByBench: !compressed,
          body: compressed ? decode(wire, encoding) : wire,
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(wire: Buffer, encoding: string): Buffer {
  if (encoding === 'br') return brotliDecompressSync(wire);
  if (encoding === 'deflate') return inflateSync(wire);
  return gunzipSync(wire);
}

export type PageWeight = {
  status: number;
  encoding: string;
  html: number;
  css: number;
  js: number;
  total: number;
  /** Assets the app did not compress (we measured our own gzip for them). */
  notCompressedByApp: string[];
  /** For reference: what brotli would give for the whole page (the app sends gzip). */
  brotliTotal: number;
};

/** HTML plus every stylesheet and script it links under /static/, compressed as the app serves them. */
export async function pageWeight(base: string, path: string, headers: Record<string, string>): Promise<PageWeight> {
  const page = await transfer(base + path, headers);
  const html = page.body.toString('utf8');
  const assets = [...new Set([...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1] ?? ''))].filter(Boolean);
  let css = 0;
  let js = 0;
  let brotliTotal = brotliCompressSync(page.body).length;
  const notCompressedByApp: string[] = page.compressedByBench ? [path] : [];
  for (const asset of assets) {
    const t = await transfer(base + asset, headers);
    if (t.compressedByBench) notCompressedByApp.push(asset);
    brotliTotal += brotliCompressSync(t.body).length;
    if (asset.endsWith('.css')) css += t.compressedBytes;
    else if (asset.endsWith('.js')) js += t.compressedBytes;
  }
  return { status: page.status, encoding: page.encoding, html: page.compressedBytes, css, js, total: page.compressedBytes + css + js, notCompressedByApp, brotliTotal };
}
