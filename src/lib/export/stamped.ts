/**
 * Charts as files: an SVG with the title, subtitle, notes and source stamped in, and a PNG drawn from it.
 * Text is written with textContent, so nothing from the data becomes markup.
 */

export interface Stamp {
  title: string;
  subtitle: string;
  notes: readonly string[];
  source: string;
  /** The data release the chart shows: "Data release 2026-12-01 (a1b2c3)." (src/lib/release/words.ts). */
  release?: string;
  url: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Splits text into lines of at most `max` characters, at spaces. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Stacks the charts under a stamped header and above a stamped footer, in one standalone SVG. */
export function stampedSvg(
  charts: readonly SVGSVGElement[],
  stamp: Stamp,
  doc: Document = document,
): SVGSVGElement {
  const width = Math.max(
    480,
    ...charts.map((c) => Number(c.getAttribute('width')) || c.viewBox.baseVal?.width || 640),
  );
  const chars = Math.floor(width / 7.2);
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
  const bg = doc.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  svg.append(bg);
  let y = 16;
  const text = (content: string, size: number, weight = 400, colour = '#111111') => {
    for (const line of wrap(content, Math.floor((chars * 13) / size))) {
      y += size * 1.35;
      const t = doc.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', '12');
      t.setAttribute('y', String(y));
      t.setAttribute('font-size', String(size));
      t.setAttribute('font-weight', String(weight));
      t.setAttribute('fill', colour);
      t.textContent = line;
      svg.append(t);
    }
  };
  text(stamp.title, 17, 700);
  text(stamp.subtitle, 13, 400, '#333333');
  y += 8;
  for (const chart of charts) {
    const copy = chart.cloneNode(true) as SVGSVGElement;
    const h = Number(copy.getAttribute('height')) || 300;
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    copy.setAttribute('color', '#111111');
    svg.append(copy);
    y += h + 8;
  }
  for (const note of stamp.notes) text(note, 11, 400, '#333333');
  text(`Source: ${stamp.source}`, 11, 600, '#111111');
  if (stamp.release) text(stamp.release, 11, 600, '#111111');
  text(stamp.url, 11, 400, '#1a4f8b');
  y += 12;
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(Math.ceil(y)));
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.ceil(y)}`);
  return svg;
}

export function svgText(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Draws the SVG into a PNG at twice its size. */
export async function pngBlob(svg: SVGSVGElement): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
