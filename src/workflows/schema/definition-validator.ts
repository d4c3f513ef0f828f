import Ajv, { ErrorObject } from 'ajv';
import { CronTime } from 'cron';
import { Document, isMap, isPair, isScalar, LineCounter, Node, parseDocument, Scalar } from 'yaml';
import type { ActionRegistry } from '../actions/action-registry';
import { compileCondition, compileTemplate, ExpressionError, Expression, expressionsOf, Template } from '../expressions/expression';
import { checkExpression, CheckScope } from '../expressions/expression-check';
import { CompiledStep, CompiledWorkflow, DefinitionProblem } from './compiled-workflow';
import type { StepDefinition, WorkflowDefinition } from './definition.types';
import { parseDuration } from './duration';
import { baseWorkflowSchema } from './workflow-schema';

export interface ValidationResult {
  definition: WorkflowDefinition | null;
  compiled: CompiledWorkflow | null;
  problems: DefinitionProblem[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validateStructure = ajv.compile(baseWorkflowSchema());

type Path = (string | number)[];

/**
 * Parses and validates one YAML definition: YAML syntax, the JSON Schema, unknown actions, inputs
 * against each action's schema, step references, expressions (syntax, variables, functions,
 * constant type errors), durations and cron expressions. Every problem names file, line, column.
 */
export function validateDefinition(source: string, file: string, actions: ActionRegistry): ValidationResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: DefinitionProblem[] = [];
  const report = (kind: string, path: Path, message: string, extraOffset = 0, key = false) => {
    const offset = locate(doc, path, key) + extraOffset;
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file, line, column: col, path: path.join('.'), message, kind });
  };
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line, column: col, path: '', message: `YAML: ${error.message.split('\n')[0]}`, kind: 'yaml' });
  }
  if (problems.length > 0) return { definition: null, compiled: null, problems };
  const raw = doc.toJS() as unknown;
  if (!validateStructure(raw)) {
    for (const error of relevantErrors(validateStructure.errors ?? [])) {
      const { path, message, key } = describeSchemaError(error);
      report('schema', path, message, 0, key);
    }
    return { definition: null, compiled: null, problems };
  }
  const definition = raw as WorkflowDefinition;
  const compiled = compileChecked(definition, actions, report);
  return { definition, compiled: problems.length === 0 ? compiled : null, problems };
}

function compileChecked(definition: WorkflowDefinition, actions: ActionRegistry, report: (kind: string, path: Path, message: string, extraOffset?: number, key?: boolean) => void): CompiledWorkflow {
  const expr = (path: Path, text: string | boolean, scope: CheckScope, asCondition = false): Expression | null => {
    try {
      const expression = asCondition ? compileCondition(text) : compileTemplateExpression(text as string);
      for (const problem of checkExpression(expression, scope)) report(problem.message.startsWith('unknown step') || problem.message.includes('runs later') ? 'step-ref' : 'expression', path, problem.message, offsetInScalar(text, expression, problem.offset));
      return expression;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      report('expression', path, error.message, offsetInScalar(text, error, error.offset));
      return null;
    }
  };
  const template = (path: Path, value: unknown, scope: CheckScope): Template | null => {
    try {
      const compiled = compileTemplate(value);
      for (const expression of expressionsOf(compiled)) {
        for (const problem of checkExpression(expression, scope)) {
          const at = findExpressionPath(value, expression.source, path);
          report(problem.message.startsWith('unknown step') || problem.message.includes('runs later') ? 'step-ref' : 'expression', at.path, problem.message, offsetInScalar(at.text, expression, problem.offset));
        }
      }
      return compiled;
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      const at = findExpressionPath(value, error.source, path);
      report('expression', at.path, error.message, offsetInScalar(at.text, error, error.offset));
      return null;
    }
  };

  const on = definition.on;
  const events = on.event === undefined ? [] : Array.isArray(on.event) ? on.event : [on.event];
  const noSteps: CheckScope = { steps: new Set() };
  if (on.schedule !== undefined) {
    try {
      new CronTime(on.schedule, 'UTC');
    } catch (error) {
      report('trigger', ['on', 'schedule'], `invalid cron expression: ${(error as Error).message}`);
    }
  }
  if (on.if !== undefined && events.length === 0) report('trigger', ['on', 'if'], 'on.if filters events: add on.event');
  if (!events.length && on.schedule === undefined && on.webhook === undefined && !on.manual) report('trigger', ['on'], 'no trigger: set on.event, on.schedule, on.webhook or on.manual');
  const trigger = {
    events,
    condition: on.if === undefined ? null : expr(['on', 'if'], on.if, noSteps, true),
    schedule: on.schedule ?? null,
    webhook: on.webhook ?? null,
    manual: on.manual === true,
  };
  const concurrencyKey = definition.concurrency ? expr(['concurrency', 'key'], definition.concurrency.key, noSteps) : null;
  if (definition.defaults?.timeout !== undefined) checkDuration(['defaults', 'timeout'], definition.defaults.timeout);

  const seen = new Map<string, Path>();
  const mainIds = definition.steps.map((s) => s.id);
  const compileStep = (raw: StepDefinition, index: number, phase: 'main' | 'on_failure'): CompiledStep => {
    const base: Path = [phase === 'main' ? 'steps' : 'on_failure', index];
    const id = raw.id ?? `on_failure_${index + 1}`;
    if (seen.has(id)) report('duplicate', [...base, 'id'], `duplicate step id "${id}" (also at ${seen.get(id)?.join('.')})`);
    seen.set(id, base);
    const earlier = phase === 'main' ? mainIds.slice(0, index) : [...mainIds, ...(definition.on_failure ?? []).slice(0, index).map((s, i) => s.id ?? `on_failure_${i + 1}`)];
    const later = phase === 'main' ? mainIds.slice(index + 1) : [];
    const scope: CheckScope = { steps: new Set(earlier), laterSteps: new Set(later) };
    const action = actions.get(raw.uses);
    if (!action) {
      const hint = suggest(raw.uses, actions.names());
      report('unknown-action', [...base, 'uses'], `unknown action "${raw.uses}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    } else {
      const withValue = raw.with ?? {};
      for (const problem of actions.validateStatic(raw.uses, withValue, (path) => isDynamic(withValue, path))) {
        const path = [...base, 'with', ...problem.path];
        report('input', existingPath(definition, path), `${raw.uses} input ${problem.path.length ? `"${problem.path.join('.')}" ` : ''}${problem.message}`, 0, problem.message.includes('is not an input'));
      }
    }
    if (raw.timeout !== undefined) checkDuration([...base, 'timeout'], raw.timeout);
    return {
      id,
      phase,
      index,
      definition: { ...raw, id },
      with: template([...base, 'with'], raw.with ?? {}, scope) ?? { kind: 'literal', value: {} },
      condition: raw.if === undefined ? null : expr([...base, 'if'], raw.if, scope, true),
      outputs: raw.outputs ? template([...base, 'outputs'], raw.outputs, { steps: new Set([...earlier, id]) }) : null,
      timeoutMs: raw.timeout !== undefined ? parseDuration(raw.timeout) : definition.defaults?.timeout !== undefined ? parseDuration(definition.defaults.timeout) : null,
    };
  };
  function checkDuration(path: Path, value: string) {
    if (parseDuration(value) === null) report('schema', path, `"${value}" is not a duration (use 30s, 15m, 2h, 3d or PT5M)`);
  }
  const steps = definition.steps.map((raw, index) => compileStep(raw, index, 'main'));
  const onFailure = (definition.on_failure ?? []).map((raw, index) => compileStep(raw, index, 'on_failure'));
  return { definition, trigger, concurrencyKey, steps, onFailure };
}

function compileTemplateExpression(text: string): Expression {
  const template = compileTemplate(text);
  if (template.kind === 'expression') return template.expression;
  return compileCondition(text);
}

/** Offset of a problem inside the YAML scalar that holds the expression. */
function offsetInScalar(text: unknown, expression: { source: string }, offset: number | undefined): number {
  if (typeof text !== 'string') return 0;
  const start = text.indexOf(expression.source);
  return start < 0 ? 0 : start + (offset ?? 0);
}

function findExpressionPath(value: unknown, source: string, path: Path): { path: Path; text: unknown } {
  if (typeof value === 'string') return { path, text: value };
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findExpressionPath(item, source, [...path, Array.isArray(value) ? Number(key) : key]);
      if (typeof found.text === 'string' && found.text.includes(source)) return found;
    }
  }
  return { path, text: undefined };
}

function isDynamic(value: unknown, path: string[]): boolean {
  let current: unknown = value;
  for (let i = 0; i <= path.length; i++) {
    if (typeof current === 'string' && current.includes('${{')) return true;
    if (i === path.length || current === null || typeof current !== 'object') break;
    current = (current as Record<string, unknown>)[path[i]];
  }
  // A literal object whose value is dynamic somewhere below is only checked at run time.
  return containsExpression(current);
}

function containsExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${{');
  if (value && typeof value === 'object') return Object.values(value).some(containsExpression);
  return false;
}

function existingPath(definition: unknown, path: Path): Path {
  const out: Path = [];
  let current: unknown = definition;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !(String(part) in (current as object))) break;
    current = (current as Record<string, unknown>)[String(part)];
    out.push(part);
  }
  return out;
}

/** Offset in the source of the node at `path` (or of its key), falling back to the nearest ancestor. */
function locate(doc: Document, path: Path, key: boolean): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (key && depth === path.length && depth > 0) {
      const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isPair(item) && isScalar(item.key) && String((item.key as Scalar).value) === String(prefix[prefix.length - 1]));
        const range = (pair?.key as Node | undefined)?.range;
        if (range) return range[0];
      }
    }
    const node = (prefix.length === 0 ? doc.contents : doc.getIn(prefix, true)) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) return node.range[0] + (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0);
  }
  return 0;
}

function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  // oneOf/if noise: keep the most specific errors, one per path and keyword.
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.keyword === 'oneOf' || error.keyword === 'if' || error.keyword === 'anyOf') return false;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describeSchemaError(error: ErrorObject): { path: Path; message: string; key: boolean } {
  const path: Path = error.instancePath.split('/').filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const where = path.length ? path.join('.') : 'the document';
  switch (error.keyword) {
    case 'required':
      return { path, message: `${where} needs "${String(error.params.missingProperty)}"`, key: false };
    case 'additionalProperties':
      return { path: [...path, String(error.params.additionalProperty)], message: `unknown key "${String(error.params.additionalProperty)}" in ${where}`, key: true };
    case 'pattern':
      return { path, message: `${where} ${error.message}` + (String(error.params.pattern).includes('ms|s|m') ? ' (a duration such as 30s, 15m, 2h)' : ''), key: false };
    default:
      return { path, message: `${where} ${error.message ?? 'is invalid'}`, key: false };
  }
}

function suggest(name: string, known: string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of known) {
    const score = distance(name.toLowerCase(), candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}
