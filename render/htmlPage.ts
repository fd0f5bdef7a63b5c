/**
 * The HTML document shell every page uses: UTF-8, inline styles, no script and no external
 * resource (the pages open from disk and in CI without network), so a browser logs nothing. The
 * markup is also well-formed XML (void elements self-closed), so the tests can parse it whole.
 */
import { escapeXml } from './escapeXml.js';

const PAGE_CSS = `
  body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 2rem; color: #111; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; } h3 { font-size: 1rem; }
  pre { background: #f6f8fa; padding: .75rem; overflow-x: auto; font-size: 12px; line-height: 1.45; }
  pre.mermaid { white-space: pre; }
  .figure { overflow-x: auto; border: 1px solid #ddd; padding: .5rem; margin: .5rem 0 1rem; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
  thead th { vertical-align: bottom; }
  th.invariant { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
  td.holds { background: #ddf4dd; color: #1b5e20; text-align: center; }
  td.violated { background: #ffdddd; color: #7a0f1f; text-align: center; font-weight: 600; }
  td.unknown { background: #eee; text-align: center; }
  td.violated a { color: inherit; }
  .meta { color: #555; font-size: 13px; }
  .bad { color: #7a0f1f; font-weight: 600; } .good { color: #1b5e20; }
  nav ul { columns: 2; font-size: 13px; }
`;

/**
 * The document up to its body: everything before `body` in `htmlPage`, so that a long page can be
 * written as it is built.
 */
export const htmlHead = (title: string): string =>
  [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    '<link rel="icon" href="data:,"/>',
    `<title>${escapeXml(title)}</title>`,
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '',
  ].join('\n');

/** The document after its body. */
export const HTML_FOOT = '\n</body>\n</html>\n';

/**
 * A complete document around `body` (already HTML).
 *
 * @example
 * htmlPage('lingering', '<p>hi</p>').startsWith('<!DOCTYPE html>') //=> true
 */
export function htmlPage(title: string, body: string): string {
  return `${htmlHead(title)}${body.trimEnd()}${HTML_FOOT}`;
}
