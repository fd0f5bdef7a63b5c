/**
 * `lingering render FILE --format mermaid|svg|html [--driver D] [--agent A] [--invariant NAME]
 * [--clients K]`: pictures of a trace or counterexample on standard output (a mermaid sequence
 * diagram, the backend rate as SVG, or one self-contained HTML page with both, the program and the
 * verdicts). The trace runs with as many agent clients as it names (docs/environment.md), or K
 * (at least as many), as `replay` does.
 */
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { clientsNamed } from '../engine/events.js';
import type { Trace } from '../engine/trace.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { chunkedWriter } from '../lib/chunkedWriter.js';
import { HTML_FOOT, htmlHead } from '../render/htmlPage.js';
import { rateChart } from '../render/rateChart.js';
import { sequenceDiagram } from '../render/sequenceDiagram.js';
import type { TracePicture } from '../render/TracePicture.js';
import { tracePicture } from '../render/TracePicture.js';
import { chartTitles, traceSectionText } from '../render/traceSection.js';
import { flag, InputError, int, oneOf, parse, UsageError } from './args.js';
import type { Io } from './io.js';
import { PICTURE_FORMAT } from './reports/PictureReport.js';
import { RENDER_FORMATS, renderSpec } from './specs/renderSpec.js';
import { loadTrace } from '../checking/loadTrace.js';

/** What `render` and `report` need to draw one file. */
export interface PictureRequest {
  readonly driver?: string | undefined;
  readonly agent?: string | undefined;
  readonly invariant?: string | undefined;
  /** Agent clients; default: as many as the trace names. */
  readonly clients?: number | undefined;
}

/**
 * Runs `trace` (with the variants asked for, else the file's) and builds its picture; a trace the
 * engine refuses is an `InputError` naming the file.
 */
export function pictureOf(file: string, trace: Trace, request: PictureRequest = {}): TracePicture {
  const driver = findDriver(request.driver ?? trace.driver);
  const agent = findAgent(request.agent ?? trace.agent);
  if (driver === undefined || agent === undefined)
    throw new UsageError('render', 'an unknown variant', [...driverNames, ...agentNames]);
  const clients = request.clients ?? clientsNamed(trace.events);
  const config: EngineConfig = { driver, agent, layers: trace.layers, clients };
  const checked = checkTrace(config, trace.events);
  if (!checked.ok) throw new InputError(`${file}: ${checked.error.message}`);
  return tracePicture(checked.value, trace.events, {
    title: file,
    violated: trace.violated,
    invariant: request.invariant,
  });
}

/**
 * The picture in the asked format, in pieces whose concatenation is the document (the page's
 * sequence diagram a line at a time, so that a long trace's page is never whole in memory).
 */
function* renderPictureText(
  picture: TracePicture,
  format: (typeof RENDER_FORMATS)[number],
): Generator<string> {
  if (format === 'mermaid') yield sequenceDiagram(picture);
  else if (format === 'svg') yield rateChart({ ...chartTitles(picture), polls: picture.polls });
  else {
    // htmlPage(title, traceSection(…)), written as it is built; the section ends in a tag, so
    // htmlPage's trimEnd has nothing to trim.
    yield htmlHead(`lingering: ${picture.title}`);
    yield* traceSectionText(picture, { id: 'trace', level: 1 });
    yield HTML_FOOT;
  }
}

/** The picture in the asked format. */
export function renderPicture(
  picture: TracePicture,
  format: (typeof RENDER_FORMATS)[number],
): string {
  return Array.from(renderPictureText(picture, format)).join('');
}

/** Runs `render`; returns the exit status. */
export function renderCommand(argv: readonly string[], io: Io): number {
  const p = parse(renderSpec, argv);
  const file = p.positionals[0] as string;
  const format = oneOf(p, 'format');
  const json = flag(p, 'json');
  if (json && format !== undefined)
    throw new UsageError(
      '--json',
      `with --format ${format}`,
      'one of them (--json: the picture as data)',
    );
  if (format === undefined && !json)
    throw new UsageError('--format', 'nothing (the option is missing)', [
      ...RENDER_FORMATS,
      '--json',
    ]);
  const trace = loadTrace(file);
  const named = clientsNamed(trace.events);
  const request = {
    driver: oneOf(p, 'driver'),
    agent: oneOf(p, 'agent'),
    invariant: oneOf(p, 'invariant'),
    clients: int(p, 'clients', { fallback: named, min: named }),
  };
  const picture = pictureOf(file, trace, request);
  if (json) {
    io.out(`${JSON.stringify({ format: PICTURE_FORMAT, ...picture }, null, 2)}\n`);
    return 0;
  }
  const out = chunkedWriter(io.out);
  for (const piece of renderPictureText(picture, format as (typeof RENDER_FORMATS)[number]))
    out.write(piece);
  out.end();
  return 0;
}
