import fc from 'fast-check';
import type { JsonSchema } from './openapi';

/**
 * Strings that have broken real systems: NFD Vietnamese (the store must keep
 * NFC), zero-width and bidi controls, lone surrogates, NUL and controls, SQL
 * and path tricks, number look-alikes, and sizes past every limit.
 */
export const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'Nguye\u0302\u0303n Va\u0306n A\u0300n', // NFD "Nguyễn Văn Ằn"
  'Nguyễn\u200bVăn', // zero-width space
  '\u200d\u200c\ufeff', // ZWJ, ZWNJ, BOM
  '\u202eنص\u202c', // right-to-left override + Arabic
  '\u200fיוסף\u200e', // RLM / LRM + Hebrew
  '\ud800', // lone high surrogate
  'a\udc00b', // lone low surrogate
  '\u0000', // NUL
  '\u001b[31mred',
  '\u2028\u2029',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧‍👦',
  "'; DROP TABLE tickets; --",
  '" OR 1=1 --',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
  '__proto__',
  'constructor',
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  '9007199254740993',
  'true',
  'null',
  'ĐĐĐđđđ',
  'x'.repeat(2_001),
  'ư'.repeat(5_000),
];

/** Past the 64 KiB body limit: must be refused whole (413), never cut and stored. */
export const HUGE_STRING = 'Đ'.repeat(40_000);

export const edgeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b) },
);

/** Any JSON value of the wrong kind for a field. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), 1e308, -0, 0.5),
  edgeString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(edgeString, fc.integer(), { maxKeys: 3 }),
  fc.constant({ __proto__: { admin: true } }),
);

const MAX_DEPTH = 4;

/** Values that follow the schema (what a correct client would send), bounded so that runs stay small. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.jsonValue({ maxDepth: 1 });
  const alternatives = schema.anyOf ?? schema.oneOf;
  let arb: fc.Arbitrary<unknown>;
  if (alternatives) arb = fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  else if (schema.allOf?.length) arb = fromSchema(schema.allOf[0], depth + 1);
  else if (schema.enum) arb = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) arb = fc.constant(schema.const);
  else {
    const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
    switch (type) {
      case 'string': {
        const min = schema.minLength ?? 0;
        const max = Math.min(schema.maxLength ?? 60, 60);
        arb = fc.oneof(fc.string({ minLength: min, maxLength: Math.max(min, max) }), fc.constantFrom('Nguyễn Văn An', 'Quầy 1', '2026-12-01', '0912345678', '001090012345'));
        break;
      }
      case 'integer': {
        const lo = Math.max(schema.minimum ?? -1000, -1_000_000) + (schema.exclusiveMinimum === true ? 1 : 0);
        const hi = Math.min(schema.maximum ?? 1000, 1_000_000);
        arb = fc.oneof(fc.integer({ min: lo, max: Math.max(lo, hi) }), fc.integer({ min: Math.max(lo, 1), max: Math.max(lo, Math.min(hi, 6)) }));
        break;
      }
      case 'number':
        arb = fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
        break;
      case 'boolean':
        arb = fc.boolean();
        break;
      case 'array':
        arb = fc.array(fromSchema(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
        break;
      case 'object': {
        const props = schema.properties ?? {};
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, s] of Object.entries(props)) model[k] = fromSchema(s, depth + 1);
        arb = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
        break;
      }
      default:
        arb = fc.jsonValue({ maxDepth: 1 });
    }
  }
  return schema.nullable ? fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) }) : arb;
}

/** One field of a valid value made wrong: removed, of the wrong type, an edge string, or an extra key. */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object') return fc.oneof(wrongValue, fc.constant(value));
  const isArray = Array.isArray(value);
  const keys = Object.keys(value);
  const pick = keys.length ? fc.constantFrom(...keys) : fc.constant('extra');
  return fc.oneof(
    pick.chain((k) => wrongValue.map((w) => (isArray ? Object.assign([...(value as unknown[])], { [k]: w }) : { ...(value as object), [k]: w }))),
    pick.map((k) => {
      if (isArray) return (value as unknown[]).filter((_, i) => String(i) !== k);
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      delete copy[k];
      return copy;
    }),
    pick.chain((k) => {
      const inner = (value as Record<string, unknown>)[k];
      return (inner !== null && typeof inner === 'object' ? mutate(inner) : edgeString).map((m) => (isArray ? Object.assign([...(value as unknown[])], { [k]: m }) : { ...(value as object), [k]: m }));
    }),
    edgeString.chain((k) => wrongValue.map((w) => (isArray ? [...(value as unknown[]), w] : { ...(value as object), [k]: w }))),
  );
}

export type BodyCase =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; label: string }
  | { kind: 'raw'; text: string; contentType?: string; label: string };

const RAW_BODIES: readonly { text: string; contentType?: string }[] = [
  { text: '{' },
  { text: '{"a":1}garbage' },
  { text: 'null' },
  { text: '[]' },
  { text: '"just a string"' },
  { text: '1e999999' },
  { text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}' },
  { text: '['.repeat(5000) + ']'.repeat(5000) },
  { text: '\ufeff{}' },
  { text: '\u0000' },
  { text: JSON.stringify({ s: HUGE_STRING }) },
  { text: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { text: '<xml/>', contentType: 'application/xml' },
  { text: '{}', contentType: 'text/plain' },
  { text: '{}', contentType: 'application/json; charset=latin1' },
  { text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', contentType: 'multipart/form-data; boundary=x' },
];

/** Bodies for an operation: valid ones, valid ones with one field made wrong, junk JSON, and malformed bytes. */
export function bodyCases(schema: JsonSchema | undefined, examples: readonly unknown[] = []): fc.Arbitrary<BodyCase> {
  // Known good bodies (a dossier that passes every check) reach deeper than schema-shaped ones; mutations start from both.
  const valid = examples.length ? fc.oneof(fromSchema(schema), fc.constantFrom(...examples)) : fromSchema(schema);
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((value): BodyCase => ({ kind: 'json', value, label: 'schema' })) },
    { weight: 4, arbitrary: valid.chain(mutate).map((value): BodyCase => ({ kind: 'json', value, label: 'mutated' })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): BodyCase => ({ kind: 'json', value, label: 'any json' })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((r): BodyCase => ({ kind: 'raw', ...r, label: 'raw' })) },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'none' }) },
  );
}

/** A path segment: a known good value, one of the schema's, or an edge string (percent-encoded, or raw when it cannot be). */
export function pathValue(schema: JsonSchema, known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('1') },
    { weight: 2, arbitrary: fromSchema(schema).map(String) },
    { weight: 2, arbitrary: edgeString },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%ED%A0%80', '..', '%2e%2e', '1;2', '1%2F2', 'x'.repeat(300)) },
  );
}

export function encodeSegment(v: string): string {
  if (/^%|%[0-9A-Fa-f]{2}|^\.\.$/.test(v)) return v; // deliberate raw encodings
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80'; // a lone surrogate has no UTF-8: send the bytes a broken client would
  }
}
