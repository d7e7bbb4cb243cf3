import * as z from 'zod/mini';
import type {
  CommunicationUpdate,
  NormalizedInput,
  ParseIssue,
  ParseLimits,
  ParseResult,
  ParseWarning,
} from './types.js';
import { KNOWN_STATES } from './types.js';

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 1024 * 1024,
  maxParticipants: 200,
  maxStringLength: 8192,
  maxBatch: 1000,
  maxDepth: 32,
};

// Built on first use so that loading the bundle does no validation work.
let cobrowsesessionSchema: ReturnType<typeof buildCobrowsesession> | undefined;

function buildCobrowsesession() {
  // Jitless: zod's JIT calls `new Function`, which a strict Content-Security-Policy blocks.
  z.config({ jitless: true });
  const str = z.optional(z.string());
  return z.object({
    id: z.string(),
    state: str,
    cobrowseSessionId: str,
    cobrowseRole: str,
    controlling: z.optional(z.array(z.string())),
    viewerUrl: str,
    disconnectType: str,
    providerEventTime: str,
    startAlertingTime: str,
    connectedTime: str,
    disconnectedTime: str,
  });
}

/** Number of schemas built so far (tests prove loading builds none). */
export function schemasBuilt(): number {
  return cobrowsesessionSchema ? 1 : 0;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function toTime(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function fail(message: string, issues: ParseIssue[]): ParseResult {
  return { ok: false, error: { message, issues }, warnings: [] };
}

/**
 * Parses anything the widget may be fed into one normalised shape. Never throws.
 */
export function parseInput(input: unknown, limits: ParseLimits = DEFAULT_LIMITS): ParseResult {
  try {
    return parseUnsafe(input, limits);
  } catch (error) {
    return fail(`(root): input could not be read (${String(error)})`, [
      { path: '(root)', message: 'input could not be read' },
    ]);
  }
}

function parseUnsafe(input: unknown, limits: ParseLimits): ParseResult {
  if (typeof input === 'string') {
    if (input.length > limits.maxBytes) {
      return fail(`(root): payload is ${input.length} bytes, over the maxBytes limit of ${limits.maxBytes}`, [
        { path: '(root)', message: `over the maxBytes limit of ${limits.maxBytes}` },
      ]);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      return fail('(root): not valid JSON', [{ path: '(root)', message: 'not valid JSON' }]);
    }
    return parseUnsafe(parsed, limits);
  }
  const items = Array.isArray(input) ? input : [input];
  const value: NormalizedInput = { conversations: [], communications: [], signals: [] };
  const warnings: ParseWarning[] = [];
  for (let i = 0; i < items.length; i++) {
    const prefix: PropertyKey[] = Array.isArray(input) ? [i] : [];
    const item: unknown = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const path = formatPath(prefix);
      return fail(`${path}: expected an object, received ${item === null ? 'null' : typeof item}`, [
        { path, message: 'expected an object' },
      ]);
    }
    let body: object = item;
    if ('topicName' in item && 'eventBody' in item) {
      if (item.topicName === 'channel.metadata') {
        value.signals.push({ type: 'heartbeat' });
        continue;
      }
      prefix.push('eventBody' as never);
      body = item.eventBody as object;
    }
    cobrowsesessionSchema ??= buildCobrowsesession();
    const result = cobrowsesessionSchema.safeParse(body);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => ({
        path: formatPath([...prefix, ...issue.path]),
        message: issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message,
      }));
      return fail(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
    }
    const data = result.data;
    const folded = data.state?.toLowerCase();
    const comm: CommunicationUpdate = {
      id: data.id,
      kind: 'cobrowse',
      state: folded && (KNOWN_STATES as readonly string[]).includes(folded) ? folded : data.state,
      rawState: data.state,
      cobrowseSessionId: data.cobrowseSessionId,
      role: data.cobrowseRole?.toLowerCase(),
      controlling: data.controlling,
      viewerUrl: data.viewerUrl,
      disconnectType: data.disconnectType,
      providerEventTime: toTime(data.providerEventTime),
      startAlertingTime: toTime(data.startAlertingTime),
      connectedTime: toTime(data.connectedTime),
      disconnectedTime: toTime(data.disconnectedTime),
    };
    value.communications.push(comm);
  }
  return { ok: true, value, warnings };
}
