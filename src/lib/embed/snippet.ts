/**
 * The copy-and-paste snippets the embed dialog offers: an iframe with a short resizing script, the pym.js
 * variant, and a plain link. URLs are absolute, made from where the app is actually served.
 */
import { OWN_MESSAGE } from './resize.ts';

/** Escapes text for an HTML attribute or text node. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** For text inside a <script>: a JSON string that cannot close the script element. */
const scriptString = (text: string) => JSON.stringify(text).replace(/</g, '\\u003c');

export interface SnippetInput {
  /** Absolute URL of the embed page with its query. */
  embedUrl: string;
  /** Absolute URL of the explorer on the same view. */
  explorerUrl: string;
  title: string;
  height?: number;
}

export function iframeSnippet({ embedUrl, title, height = 520 }: SnippetInput): string {
  const origin = new URL(embedUrl).origin;
  return (
    `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(title)}" width="100%" height="${height}" ` +
    `loading="lazy" scrolling="no" style="border:0;width:100%;display:block"></iframe>\n` +
    `<script>(function(){var f=document.currentScript.previousElementSibling;` +
    `window.addEventListener('message',function(e){var d=e.data;` +
    `if(e.source!==f.contentWindow||e.origin!==${scriptString(origin)}||!d||d.type!==${scriptString(OWN_MESSAGE)})return;` +
    `if(typeof d.height==='number'&&d.height>0&&d.height<20000)f.style.height=Math.ceil(d.height)+'px';});})();</script>`
  );
}

export function pymSnippet({ embedUrl, title }: SnippetInput, id: string): string {
  return (
    `<!-- needs pym.js on the page (https://github.com/nprapps/pym.js) -->\n` +
    `<div id="${escapeHtml(id)}"></div>\n` +
    `<script>new pym.Parent(${scriptString(id)}, ${scriptString(embedUrl)}, {title: ${scriptString(title)}});</script>`
  );
}

export function linkSnippet({ explorerUrl, title }: SnippetInput): string {
  return `<a href="${escapeHtml(explorerUrl)}">${escapeHtml(title)}: explore the police figures</a>`;
}
