import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { fromCel, toCel } from './cel-values';

/** The variables an expression may read (SPEC §6.1). Nothing else is reachable: no I/O, no globals. */
export const EXPRESSION_ROOTS = ['event', 'steps', 'run', 'env', 'vars', 'inputs'] as const;
export type ExpressionContext = Partial<Record<(typeof EXPRESSION_ROOTS)[number], unknown>>;

const ENV = celEnv({ funcs: strings });
const TEMPLATE = /\$\{\{([\s\S]*?)\}\}/g;
const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;

export class ExpressionError extends Error {
  readonly code = 'EXPRESSION_ERROR';
  readonly retryable = false;
  readonly hint = 'Fix the expression in the workflow definition (see the docs for the variables available).';
  constructor(
    message: string,
    readonly source: string,
    /** 0-based offset of the problem inside the expression source, when known. */
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

type Program = (bindings: Record<string, unknown>) => unknown;

export interface Expression {
  source: string;
  /** The parsed CEL syntax tree (for static checks). */
  ast: ReturnType<typeof parse>;
  evaluate(context: ExpressionContext): unknown;
}

const cache = new Map<string, Expression>();

/**
 * Compiles a CEL expression once (cached by source). Evaluation is the library's sandboxed
 * interpreter over plain data: there is no eval, Function or vm anywhere in this path.
 */
export function compileExpression(source: string): Expression {
  const cached = cache.get(source);
  if (cached) return cached;
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(source);
  } catch (error) {
    const message = (error as Error).message.replace(/^<input>:/, '');
    const position = /^(\d+):(\d+):\s*/.exec(message);
    throw new ExpressionError(`syntax error: ${position ? message.slice(position[0].length) : message}`, source, position ? offsetOf(source, Number(position[1]), Number(position[2])) : undefined);
  }
  const program = plan(ENV, ast) as unknown as Program;
  // Only the roots the expression names are converted for it: `event.subscriptionId` needs no
  // copy of every step's output (the conversion was a large part of an evaluation's cost).
  const names = identifiersOf(ast.expr);
  const roots = EXPRESSION_ROOTS.filter((root) => names.has(root));
  const expression: Expression = {
    source,
    ast,
    evaluate(context) {
      const bindings: Record<string, unknown> = {};
      for (const root of roots) bindings[root] = toCel(context[root] ?? {});
      const result = program(bindings);
      if (isCelError(result)) throw new ExpressionError(`${result.message} in \${{ ${source.trim()} }}`, source);
      return fromCel(result);
    },
  };
  if (cache.size > 5000) cache.clear();
  cache.set(source, expression);
  return expression;
}

/** Every identifier anywhere in a syntax tree (a macro's own variables too, so a superset of the roots it reads). */
function identifiersOf(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) identifiersOf(item, found);
  } else if (node !== null && typeof node === 'object') {
    const kind = node as { case?: unknown; value?: { name?: unknown } };
    if (kind.case === 'identExpr' && typeof kind.value?.name === 'string') found.add(kind.value.name);
    for (const value of Object.values(node)) identifiersOf(value, found);
  }
  return found;
}

function offsetOf(source: string, line: number, column: number): number {
  const lines = source.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  return offset + Math.max(0, column - 1);
}

/** A value of a definition with its `${{ … }}` parts pre-compiled. */
export type Template =
  | { kind: 'literal'; value: unknown }
  | { kind: 'expression'; expression: Expression }
  | { kind: 'interpolation'; parts: (string | Expression)[] }
  | { kind: 'object'; entries: [string, Template][] }
  | { kind: 'array'; items: Template[] };

export function hasExpression(value: string): boolean {
  return value.includes('${{');
}

/** Compiles `${{ }}` inside any JSON value. A string that is exactly one expression keeps the expression's type. */
export function compileTemplate(value: unknown): Template {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole && !whole[1].includes('${{')) return { kind: 'expression', expression: compileExpression(whole[1]) };
    if (!hasExpression(value)) return { kind: 'literal', value };
    const parts: (string | Expression)[] = [];
    let last = 0;
    for (const match of value.matchAll(new RegExp(TEMPLATE.source, 'g'))) {
      if (match.index > last) parts.push(value.slice(last, match.index));
      parts.push(compileExpression(match[1]));
      last = match.index + match[0].length;
    }
    if (last < value.length) parts.push(value.slice(last));
    return { kind: 'interpolation', parts };
  }
  if (Array.isArray(value)) return { kind: 'array', items: value.map(compileTemplate) };
  if (value !== null && typeof value === 'object') return { kind: 'object', entries: Object.entries(value).map(([key, item]) => [key, compileTemplate(item)]) };
  return { kind: 'literal', value };
}

export function renderTemplate(template: Template, context: ExpressionContext): unknown {
  switch (template.kind) {
    case 'literal':
      return template.value;
    case 'expression':
      return template.expression.evaluate(context);
    case 'interpolation':
      return template.parts.map((part) => (typeof part === 'string' ? part : stringify(part.evaluate(context)))).join('');
    case 'array':
      return template.items.map((item) => renderTemplate(item, context));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, item] of template.entries) out[key] = renderTemplate(item, context);
      return out;
    }
  }
}

/** `if:` conditions accept `${{ expr }}` or a bare expression (as GitHub Actions does). */
export function compileCondition(source: string | boolean): Expression {
  if (typeof source === 'boolean') return compileExpression(String(source));
  const whole = WHOLE.exec(source);
  return compileExpression(whole ? whole[1] : source);
}

export function evaluateCondition(expression: Expression, context: ExpressionContext): boolean {
  const result = expression.evaluate(context);
  if (typeof result !== 'boolean') throw new ExpressionError(`the condition \${{ ${expression.source.trim()} }} gave ${JSON.stringify(result)}, not true or false`, expression.source);
  return result;
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Every expression source inside a template (for static checks). */
export function expressionsOf(template: Template): Expression[] {
  switch (template.kind) {
    case 'literal':
      return [];
    case 'expression':
      return [template.expression];
    case 'interpolation':
      return template.parts.filter((part): part is Expression => typeof part !== 'string');
    case 'array':
      return template.items.flatMap(expressionsOf);
    case 'object':
      return template.entries.flatMap(([, item]) => expressionsOf(item));
  }
}
