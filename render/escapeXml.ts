/**
 * Escaping for text placed in SVG and HTML (element content and double-quoted attributes).
 * Leaves out: CDATA and comments, which the renderers never write.
 */

/**
 * Replaces the five XML special characters with entities.
 *
 * @example
 * escapeXml('failures ≤ closes & "rate" <100%>') //=> 'failures ≤ closes &amp; &quot;rate&quot; &lt;100%&gt;'
 */
export const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
