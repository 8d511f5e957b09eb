/**
 * The operations of the hub's OpenAPI document (/api/v1/openapi.json, generated
 * from the route table): what the fuzzer and the access tests iterate, so a
 * route added to the table is covered without touching the tests.
 */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  format?: string;
  pattern?: string;
};

export interface ParamSpec {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI style, with the prefix: /api/v1/tickets/{id}/pdf */
  path: string;
  /** null: public (no token needed). */
  roles: string[] | null;
  pathParams: ParamSpec[];
  query: ParamSpec[];
  body: JsonSchema | undefined;
  /** The answer is not JSON (a PDF). */
  binary: boolean;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, any>>;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: JsonSchema }[];
      const roles = op.security ? String(op.description ?? '').match(/Roles: ([a-z, ]+)/)?.[1]?.split(/,\s*/) : null;
      if (op.security && !roles) throw new Error(`${op.operationId}: a secured operation whose description names no roles`);
      ops.push({
        operationId: op.operationId ?? `${method} ${p}`,
        method: method.toUpperCase() as Operation['method'],
        path: p,
        roles: roles ?? null,
        pathParams: params.filter((x) => x.in === 'path').map((x) => ({ name: x.name, required: true, schema: x.schema })),
        query: params.filter((x) => x.in === 'query').map((x) => ({ name: x.name, required: Boolean(x.required), schema: x.schema })),
        body: op.requestBody?.content?.['application/json']?.schema,
        binary: !op.responses?.['200']?.content?.['application/json'],
      });
    }
  }
  return ops;
}
